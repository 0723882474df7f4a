# Build the Luukku desktop MSI on a Windows build machine.
# Steps and prerequisites: installer/windows/README.md. Run from the repository root:
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

$python = "py -3.11"
if (-not (Test-Path .venv\Scripts\python.exe)) { & py -3.11 -m venv .venv }
& .venv\Scripts\python.exe -m pip install --disable-pip-version-check -q uv==0.13.8
& .venv\Scripts\uv.exe pip install -q --python .venv\Scripts\python.exe -r requirements.lock
& .venv\Scripts\uv.exe pip install -q --python .venv\Scripts\python.exe --no-deps -e .

# Translations (.ts in git -> .qm in the bundle)
Get-ChildItem desktop\ui\i18n\*.ts | ForEach-Object {
    & .venv\Scripts\pyside6-lrelease.exe -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
}

Remove-Item -Recurse -Force build\pyinstaller, dist\luukku -ErrorAction SilentlyContinue
& .venv\Scripts\pyinstaller.exe --noconfirm --log-level WARN --distpath dist `
    --workpath build\pyinstaller installer\luukku-desktop.spec
& .venv\Scripts\python.exe installer\collect_licenses.py dist\luukku
$version = & .venv\Scripts\python.exe -c "from importlib.metadata import version; print(version('luukku'))"
Set-Content dist\luukku\VERSION $version

# Smoke test of the bundle against a local demo backend before packaging.
$env:LUUKKU_DEMO = "1"; $env:LUUKKU_DATA_DIR = "build\smoke-data"; $env:LUUKKU_PORT = "8799"
$backend = Start-Process .venv\Scripts\python.exe -ArgumentList "-m", "backend" -PassThru -WindowStyle Hidden
Start-Sleep -Seconds 5
$env:QT_QPA_PLATFORM = "offscreen"
& dist\luukku\luukku.exe --backend http://127.0.0.1:8799 --demo --smoke
$smoke = $LASTEXITCODE
Stop-Process $backend.Id
Remove-Item Env:QT_QPA_PLATFORM, Env:LUUKKU_DEMO
if ($smoke -ne 0) { throw "smoke test of dist\luukku\luukku.exe failed ($smoke)" }

# MSI (WiX Toolset v4+: dotnet tool install --global wix)
wix build installer\windows\luukku.wxs -arch x64 -d Version=$version `
    -bindpath dist=dist\luukku -o dist\Luukku-$version-x64.msi
Write-Host "built dist\Luukku-$version-x64.msi"

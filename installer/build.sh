#!/usr/bin/env bash
# Build the desktop app for this platform (Linux here; see installer/windows/ for Windows):
#   bash installer/build.sh     -> dist/luukku/ (onedir), with licences and VERSION
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run >/dev/null
rm -rf build/pyinstaller dist/luukku
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
  --workpath build/pyinstaller installer/luukku-desktop.spec
# strip corrupts the pjsua2 extension (its ELF segments were laid out by patchelf for the
# manylinux wheel: "ELF load command address/offset not page-aligned"); ship it unstripped.
pj_so=$(.venv/bin/python -c 'import glob, os, pjsua2; print(glob.glob(os.path.join(os.path.dirname(pjsua2.__file__), "_pjsua2*"))[0])')
cp "$pj_so" dist/luukku/_internal/pjsua2/
.venv/bin/python installer/collect_licenses.py dist/luukku
.venv/bin/python -c 'from importlib.metadata import version; print(version("luukku"))' > dist/luukku/VERSION
echo "built dist/luukku ($(du -sh dist/luukku | cut -f1)), version $(cat dist/luukku/VERSION)"

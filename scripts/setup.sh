#!/usr/bin/env bash
# Installs what Luukku needs on Debian 12: system packages (when missing), a virtualenv
# with the locked Python packages, and the compiled translations.
#   bash scripts/setup.sh run     # what the demo needs (backend, desktop, Kamailio, espeak-ng)
#   bash scripts/setup.sh test    # plus what the tests need (Xvfb, Chromium, sipp, PulseAudio)
#   bash scripts/setup.sh server  # a production backend only: no desktop libraries, no
#                                 # Kamailio (the organisation has its registrar), no espeak-ng
#                                 # (record the prompts, or install espeak-ng on a gateway host)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

runtime_pkgs=(python3-venv libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libfontconfig1 libfreetype6 libglib2.0-0 fonts-dejavu-core libpulse0 libx11-xcb1
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1
  kamailio  # the demo's SIP registrar (production uses the organisation's)
  espeak-ng  # the service number's spoken prompts, generated when missing
  xmlsec1)  # signs and checks Suomi.fi SAML messages (identified clients)
test_pkgs=(xvfb xauth xdotool chromium postgresql nginx haproxy sip-tester kamailio-tls-modules pulseaudio
  pulseaudio-utils)

server_pkgs=(python3-venv xmlsec1)
case "$mode" in
  run) pkgs=("${runtime_pkgs[@]}") ;;
  test) pkgs=("${runtime_pkgs[@]}" "${test_pkgs[@]}") ;;
  server) pkgs=("${server_pkgs[@]}") ;;
  *) echo "setup: unknown mode '$mode' (run, test or server)" >&2; exit 2 ;;
esac
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python="${PYTHON:-python3}"
if ! "$python" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 12) else 1)'; then
  echo "setup: Python 3.11 or 3.12 is needed (the pjsua2 wheels stop at 3.12); found: $("$python" --version 2>&1)" >&2
  exit 1
fi

lock_sum=$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-16)
if [ ! -x .venv/bin/python ] || [ "$(cat .venv/.installed 2>/dev/null)" != "$lock_sum" ]; then
  echo "setup: installing Python packages from requirements.lock into .venv"
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check uv==0.13.8
  .venv/bin/uv pip install -q --python .venv/bin/python -r requirements.lock
  .venv/bin/uv pip install -q --python .venv/bin/python --no-deps -e .
  echo "$lock_sum" > .venv/.installed
fi
# Byte code compiled once here: uv installs none, and where PYTHONDONTWRITEBYTECODE is set
# (Debian images, CI) every Python start then compiled SQLAlchemy, pydantic and the
# backend from source again: a backend or a command took 6 s to start instead of 2.
# Quick when nothing changed (only what is newer than its .pyc is compiled).
.venv/bin/python -m compileall -q -j 0 .venv/lib/python3*/site-packages protocol backend desktop \
  >/dev/null 2>&1 || true

# Translations: .ts (source, in git) -> .qm (built here, not in git); the desktop's only.
[ "$mode" = server ] && exit 0
for ts in desktop/ui/i18n/*.ts; do
  qm="${ts%.ts}.qm"
  if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
    .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
  fi
done

# The tests' accessibility engine (axe-core, from the npm registry), run by the browser
# tests inside Debian's Chromium: installed here, never fetched while tests run.
if [ "$mode" = test ]; then
  axe_version=4.14.1
  if ! command -v npm >/dev/null; then
    echo "setup: installing Debian's npm (for axe-core)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  if [ "$(node -p 'require("./.tools/node/node_modules/axe-core/package.json").version' 2>/dev/null)" != "$axe_version" ]; then
    echo "setup: installing axe-core $axe_version into .tools/node"
    npm install --prefix .tools/node --no-audit --no-fund --no-save --loglevel=error "axe-core@$axe_version" >/dev/null
  fi
fi

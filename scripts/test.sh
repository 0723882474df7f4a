#!/usr/bin/env bash
# The whole test suite: lint, types, then pytest (unit, integration with real processes,
# end to end with Chromium and Qt). Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
timeout 1500 .venv/bin/python -m pytest -q -p no:cacheprovider "$@"

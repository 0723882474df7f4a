#!/usr/bin/env bash
# The demo: backend (SQLite in ./data/demo) + client web chat + demo traffic + the staff
# desktop logged in as the demo nurse. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
exec .venv/bin/python scripts/demo.py "$@"

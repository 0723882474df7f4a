#!/usr/bin/env bash
# Every benchmark, one command: bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# "test": the softphone bench needs Kamailio and PulseAudio as its SIP and sound parties.
bash scripts/setup.sh test >/dev/null
.venv/bin/python -m bench.chat_load "$@"
.venv/bin/python -m bench.store_writes
# Exits non-zero while a size misses its target: shown, not fatal to the other benches.
.venv/bin/python -m bench.national --repeat 2 || true
.venv/bin/python -m bench.handout
.venv/bin/python -m bench.handout --clients 4000 --staff 200 --rush || true
.venv/bin/python -m bench.failover
.venv/bin/python -m bench.desktop_start
[ -x dist/luukku/luukku ] || bash installer/build.sh >/dev/null
.venv/bin/python -m bench.desktop_start --frozen
.venv/bin/python -m bench.handbook_search
.venv/bin/python -m bench.softphone
.venv/bin/python -m bench.pictures
.venv/bin/python -m bench.uploads
.venv/bin/python -m bench.service_number
.venv/bin/python -m bench.reports
.venv/bin/python -m bench.retention
.venv/bin/python -m bench.staffing
.venv/bin/python -m bench.soak --minutes 15

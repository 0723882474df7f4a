#!/usr/bin/env bash
# The whole test suite: lint, types, then pytest (unit, integration with real processes,
# end to end with Chromium, Qt and Xvfb, the PyInstaller build), then the storage and
# routing tests again against a real PostgreSQL server. Installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy
echo "== pytest (SQLite): unit, integration, installer"
timeout 1800 .venv/bin/python -m pytest -q -p no:cacheprovider --ignore=tests/e2e "$@"
# End-to-end files each in a process of their own: a Qt timer or qasync handle left over
# by one file can then never fire inside another file's event processing.
for file in tests/e2e/test_*.py; do
  echo "== pytest (SQLite): $file"
  timeout 600 .venv/bin/python -m pytest -q -p no:cacheprovider "$file" "$@"
done

echo "== pytest (PostgreSQL): storage and routing"
pgdir=$(mktemp -d /tmp/luukku-pg-XXXXXX)
chmod 755 "$pgdir"
trap 'bash scripts/pg_test_server.sh stop "$pgdir"; rm -rf "$pgdir"' EXIT
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
LUUKKU_TEST_PG=$(bash scripts/pg_test_server.sh start "$pgdir" "$port")
export LUUKKU_TEST_PG
# What stores and routes; the SIP, header, upload, socket-stall and log-in-flood files test
# what the database does not touch and ran above already (they took 200 s of this pass);
# restore and the commands' SQLite data directory are SQLite's (PostgreSQL: pg_restore).
timeout 900 .venv/bin/python -m pytest -q -p no:cacheprovider -k "not fuzz" tests/integration \
  --ignore=tests/integration/test_service_number.py \
  --ignore=tests/integration/test_stalled_socket.py \
  --ignore=tests/integration/test_upload_limits.py \
  --ignore=tests/integration/test_login_flood.py \
  --ignore=tests/integration/test_security_headers.py \
  --ignore=tests/integration/test_nginx_front.py \
  --ignore=tests/integration/test_log_privacy.py \
  --ignore=tests/integration/test_client_limits.py \
  --ignore=tests/integration/test_service_reload.py \
  --ignore=tests/integration/test_restore.py \
  --ignore=tests/integration/test_commands_find_the_service.py \
  --ignore=tests/integration/test_failover.py \
  --ignore=tests/integration/test_failover_phone.py \
  --ignore=tests/integration/test_database_failover.py \
  --ignore=tests/integration/test_node_lease.py
for file in tests/e2e/test_chat_end_to_end.py tests/e2e/test_restart_end_to_end.py; do
  echo "== pytest (PostgreSQL): $file"
  timeout 600 .venv/bin/python -m pytest -q -p no:cacheprovider "$file"
done

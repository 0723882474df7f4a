#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the test suite (Debian's postgresql).
#   bash scripts/pg_test_server.sh start DIR PORT   -> prints postgresql://postgres@127.0.0.1:PORT
#   bash scripts/pg_test_server.sh stop DIR
set -euo pipefail
cmd="$1"
dir="$2"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg() {
  # initdb refuses to run as root: as root, run the server as the postgres user.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    port="$3"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
    # fsync off: a test database that dies with the run needs no durability.
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
esac

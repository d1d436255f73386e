#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1:55432 for the test suite (Debian's postgresql,
# run as root or as a user that can run initdb). Prints the DATABASE_URL to use.
#   start:  eval "$(bash scripts/pg-test-server.sh start)"
#   stop:   bash scripts/pg-test-server.sh stop
set -euo pipefail
PORT=${PGPORT_TEST:-55432}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
DIR=${PGDIR_TEST:-/tmp/cirtkit-pg-test}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    [ -n "$PGBIN" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
    if [ ! -d "$DIR/data" ]; then
      mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
      as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
    fi
    if ! as_pg "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
    fi
    psql -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='cirtkit_test'" | grep -q 1 \
      || psql -h 127.0.0.1 -p "$PORT" -U postgres -qc 'create database cirtkit_test'
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/cirtkit_test"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac

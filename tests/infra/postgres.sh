#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the test suite.
#   postgres.sh start DIR PORT   -> prints nothing, server ready, role/db "telephony" created
#   postgres.sh stop DIR
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
cmd=$1; dir=$2

as_postgres() {
  # PostgreSQL refuses to run as root.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
  start)
    port=$3
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    as_postgres "$PGBIN/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    as_postgres "$PGBIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    as_postgres "$PGBIN/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
      -c "CREATE ROLE telephony LOGIN CREATEDB PASSWORD 'telephony'" \
      -c "CREATE DATABASE telephony OWNER telephony"
    ;;
  stop)
    if [ -f "$dir/postmaster.pid" ]; then
      as_postgres "$PGBIN/pg_ctl" -D "$dir" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac

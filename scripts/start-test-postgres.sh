#!/usr/bin/env bash
# Starts the machine's PostgreSQL (Debian cluster) for tests and prints a
# connection string. Exits non-zero when PostgreSQL is not installed or we may
# not start it.
set -euo pipefail
command -v pg_lsclusters >/dev/null 2>&1 || exit 1
[ "$(id -u)" = 0 ] || exit 1
cluster="$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')"
[ -n "$cluster" ] || exit 1
# shellcheck disable=SC2086
pg_ctlcluster $cluster start >/dev/null 2>&1 || true
port="$(pg_lsclusters --no-header | awk 'NR==1 {print $3}')"
for _ in $(seq 1 30); do
  runuser -u postgres -- psql -p "$port" -qtAc 'select 1' >/dev/null 2>&1 && break
  sleep 1
done
runuser -u postgres -- psql -p "$port" -qtAc "ALTER USER postgres PASSWORD 'paved-test'" >/dev/null
echo "postgresql://postgres:paved-test@127.0.0.1:$port"

#!/usr/bin/env bash
# Stops the PostgreSQL that start-postgres.sh DIR PORT started, and removes DIR.
#
#   src/test/scripts/stop-postgres.sh DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
DIR=$1
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ -f "$DIR/data/postmaster.pid" ]; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w -t 30 stop >&2
fi
# Only ever a directory this pair of scripts made: it has data/PG_VERSION or is already empty of it.
if [ -f "$DIR/data/PG_VERSION" ] || [ -d "$DIR/sock" ]; then
  rm -rf "$DIR"
fi

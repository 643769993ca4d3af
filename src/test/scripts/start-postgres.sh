#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 for the case-store tests (run as root):
#
#   src/test/scripts/start-postgres.sh DIR PORT
#
# Creates a cluster in DIR (owned by the postgres user, as initdb refuses to run as root), starts it on
# 127.0.0.1:PORT only, with fsync off (test data, speed over durability), and creates the login role and
# database "regdoc". The role's password is REGDOC_TEST_PG_PASSWORD (default "regdoc"); TCP logins must
# give it (scram-sha-256), only the server's own socket in DIR is trusted. Prints the JDBC URL on stdout;
# everything else goes to stderr. Stop it with stop-postgres.sh DIR.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DIR PORT" >&2; exit 2; }
DIR=$1; PORT=$2
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PASSWORD=${REGDOC_TEST_PG_PASSWORD:-regdoc}
[ "$(id -u)" = "0" ] || { echo "start-postgres.sh: must run as root (it runs initdb as the postgres user)" >&2; exit 2; }
[ -x "$PGBIN/initdb" ] || { echo "start-postgres.sh: $PGBIN/initdb not found; apt-get install postgresql-15" >&2; exit 2; }
[ -e "$DIR/data" ] && { echo "start-postgres.sh: $DIR/data already exists" >&2; exit 2; }

as_postgres() { runuser -u postgres -- "$@"; }
mkdir -p "$DIR/data" "$DIR/sock"
chown -R postgres:postgres "$DIR"
if ! as_postgres "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1; then
  cat "$DIR/initdb.log" >&2
  exit 1
fi
as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 -o "-p $PORT -k $DIR/sock \
  -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >&2 \
  || { echo "start-postgres.sh: the server did not start; its log:" >&2; cat "$DIR/server.log" >&2; exit 1; }
# The password goes in on stdin, so it never shows in a process list; psql quotes it as a literal.
as_postgres "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h "$DIR/sock" -p "$PORT" -U postgres -d postgres \
  -v pw="$PASSWORD" >&2 <<'SQL'
CREATE ROLE regdoc LOGIN PASSWORD :'pw';
CREATE DATABASE regdoc OWNER regdoc;
SQL
echo "jdbc:postgresql://127.0.0.1:$PORT/regdoc"

#!/usr/bin/env bash
# Web chat soak (not run in CI): starts regdoc's web chat in its own JVM, then drives it with 50 sessions that open
# cases, upload the case-study-2 files and ask questions, next to a slow-header attacker and a cookieless flood.
# Prints the driver's answers, errors and p50/p99 latency, and the server's heap after GC, open files and threads at
# the start and at the end.
#   src/test/scripts/web-soak.sh [MINUTES=10] [SESSIONS=50]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
cd "$here"
minutes="${1:-10}"
sessions="${2:-50}"
port="${SOAK_PORT:-18080}"
data="$(mktemp -d -t regdoc-soak.XXXXXX)"

./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/soak.classpath >&2
cp="target/classes:target/test-classes:$(cat target/soak.classpath)"

java -Djava.awt.headless=true -XX:+UseParallelGC -Duser.timezone=UTC -Dregdoc.data.dir="$data" \
  -cp "$cp" dev.regdoc.cli.Main serve --no-terminal --port "$port" > "$data/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  grep -q "web chat on" "$data/server.log" 2>/dev/null && break
  sleep 0.5
done
grep -q "web chat on" "$data/server.log" || { echo "the server did not start:" >&2; cat "$data/server.log" >&2; exit 1; }

figures() {
  jcmd "$server" GC.run > /dev/null
  local heap
  # the used figures of the heap's generations (not Metaspace), in KB
  heap=$(jcmd "$server" GC.heap_info | awk '/Gen|garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i+1); sub(/K,?$/, "", v); kb += v}} END {printf "%d MB", kb / 1024}')
  echo "server $1: heap used after GC $heap, open files $(ls /proc/"$server"/fd | wc -l)," \
    "threads $(awk '/^Threads:/ {print $2}' /proc/"$server"/status)"
}

figures start
java -cp "$cp" dev.regdoc.chat.web.WebSoak "http://127.0.0.1:$port/" "$minutes" "$sessions"
sleep 2
figures end
# Idle request threads leave Jetty's pool after its idle timeout (60 s): what stays is the server's own
sleep "${SOAK_IDLE_SECONDS:-70}"
figures "end + ${SOAK_IDLE_SECONDS:-70} s idle"
echo "server log: $(grep -c ERROR "$data/server.log" || true) ERROR lines"

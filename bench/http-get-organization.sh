#!/usr/bin/env bash
# Benchmark of the foundation: launch-to-ready time (cold and warm data directory) and the throughput and
# latency of an authenticated GET /organizations/{id} under wrk, all on this machine.
#
#   bench/http-get-organization.sh            # needs wrk (apt-get install wrk), builds the jar if missing
#   DURATION=30s CONNECTIONS=64 THREADS=2 bench/http-get-organization.sh
#
# It prints the numbers; compare them within one run (shared machines are noisy).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
KEY=rsv_bench-platform-key-0123456789abcdefghijklmnop

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
JAR=$(ls target/reserva-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/reserva-*.jar | head -1)
fi

DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT

launch() {
    local started ended
    started=$(date +%s%N)
    RESERVA_DATA_DIR="$DATA" RESERVA_PORT=$PORT RESERVA_DEMO=false RESERVA_BOOTSTRAP_ADMIN_KEY=$KEY \
        RESERVA_RATE_LIMIT_ENABLED=false java ${JAVA_OPTS:-} -jar "$JAR" > "$DATA/app-$1.log" 2>&1 &
    PID=$!
    until curl -sf "localhost:$PORT/health/readiness" > /dev/null 2>&1; do sleep 0.05; done
    ended=$(date +%s%N)
    echo "launch to ready ($1 data directory): $(( (ended - started) / 1000000 )) ms"
}

stop() {
    kill "$PID"
    wait "$PID" 2>/dev/null || true
}

launch cold
stop
launch warm

ORG=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"name":"Bench Bistro","timezone":"Europe/Madrid","currency":"EUR"}' "localhost:$PORT/organizations" |
    sed -E 's/.*"id":"([^"]+)".*/\1/')
URL="http://localhost:$PORT/organizations/$ORG"

echo "warm-up: 5s"
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $KEY" "$URL" > /dev/null
echo "GET /organizations/{id}, $CONNECTIONS connections, $THREADS wrk threads, $DURATION:"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $KEY" "$URL" |
    grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx|Socket errors'

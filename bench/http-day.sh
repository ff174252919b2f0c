#!/usr/bin/env bash
# The console's day in one request: GET /organizations/{id}/days/{date} for a day of 60 resources and 400
# reservations (bench/DayDataset.java), measured with wrk on one connection (the server time of one request,
# p50 and p99) and on 8 (throughput). Runs Reserva from target/classes with the runtime classpath that
# bench/cost.sh resolves (Spring Boot's repackaging needs plugins the offline repository lacks).
#
#   bench/http-day.sh                 # needs wrk (apt-get install wrk)
#   DURATION=30s bench/http-day.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
PORT=${PORT:-18082}
KEY=rsv_bench-platform-key-0123456789abcdefghijklmnop
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
CLASSPATH_FILE=target/bench-classpath.txt
if [ ! -f "$CLASSPATH_FILE" ] || [ -n "$(find src/main pom.xml -newer "$CLASSPATH_FILE" -type f | head -1)" ]; then
    echo "building Reserva"
    ./mvnw -o -B -X -Djacoco.skip=true test-compile > target/bench-build.log 2>&1 || {
        grep ERROR target/bench-build.log | head -20 >&2
        exit 1
    }
    grep -m1 '(f) testPath = ' target/bench-build.log | sed 's/.*(f) testPath = \[//; s/\]$//' | tr ',' '\n' |
        sed 's/^ *//' | grep -v '/test-classes$' |
        grep -Ev '/(junit|jqwik|mockito|assertj|playwright|spring-boot-starter-test|spring-boot-test|spring-test|spring-modulith-test|spring-modulith-starter-test|awaitility|hamcrest|jsonassert|xmlunit|archunit|opentest4j|jmh|json-path|axe-core)[-/]' |
        paste -sd: > "$CLASSPATH_FILE"
    rm target/bench-build.log
fi

DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
RESERVA_DATA_DIR="$DATA" RESERVA_PORT=$PORT RESERVA_DEMO=false RESERVA_BOOTSTRAP_ADMIN_KEY=$KEY \
    RESERVA_RATE_LIMIT_ENABLED=false "$JAVA" ${JAVA_OPTS:-} -cp "target/classes:$(cat "$CLASSPATH_FILE")" \
    io.reserva.ReservaApplication > "$DATA/app.log" 2>&1 &
PID=$!
until curl -sf "localhost:$PORT/health/readiness" > /dev/null 2>&1; do sleep 0.2; done

read -r ORG DAY ORGKEY < <("$JAVA" bench/DayDataset.java "http://localhost:$PORT" "$KEY")
URL="http://localhost:$PORT/organizations/$ORG/days/$DAY"
BYTES=$(curl -sf -H "Authorization: Bearer $ORGKEY" "$URL" | wc -c)
COUNT=$(curl -sf -H "Authorization: Bearer $ORGKEY" "$URL" | grep -o '"confirmation_code"' | wc -l)
echo "dataset: organization $ORG, day $DAY: $COUNT reservations, $BYTES bytes"

echo "warm-up: 40s"
wrk -t2 -c8 -d40s -H "Authorization: Bearer $ORGKEY" "$URL" > /dev/null
echo "GET /organizations/{id}/days/{date}, 1 connection (server time per request), $DURATION:"
wrk -t1 -c1 -d"$DURATION" --latency -H "Authorization: Bearer $ORGKEY" "$URL" |
    grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
echo "GET /organizations/{id}/days/{date}, 8 connections, $DURATION:"
wrk -t2 -c8 -d"$DURATION" --latency -H "Authorization: Bearer $ORGKEY" "$URL" |
    grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'

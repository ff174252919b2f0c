#!/usr/bin/env bash
# Benchmark of Google's availability feed (issue 14 asks <= 10 s for 100 merchants x 30 days). Starts the server
# on a fresh embedded database, creates the merchants of bench/GoogleFeedsDataset.java (100 restaurants, 10 tables
# each, a dinner service for parties of 1 to 8 starting every 15 minutes, 40 reservations each), then asks for
# the feeds RUNS times (POST /google-integration/feeds, the on-demand run: every enabled merchant, 30 days) and
# prints each run's wall time with the rows and shards it wrote. The first run includes the JIT's warm-up.
#
#   bench/google-feeds.sh                 # builds the jar if missing
#   MERCHANTS=20 RUNS=5 bench/google-feeds.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18085}
RUNS=${RUNS:-3}
MERCHANTS=${MERCHANTS:-100}
KEY=rsv_bench-platform-key-0123456789abcdefghijklmnop

JAR=${JAR:-$(ls target/reserva-*.jar 2>/dev/null | head -1 || true)}
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests -Djacoco.skip=true package
    JAR=$(ls target/reserva-*.jar | head -1)
fi
DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
RESERVA_DATA_DIR="$DATA" RESERVA_PORT=$PORT RESERVA_DEMO=false RESERVA_BOOTSTRAP_ADMIN_KEY=$KEY \
    RESERVA_RATE_LIMIT_ENABLED=false RESERVA_GOOGLE_FEEDS_CRON=- java ${JAVA_OPTS:-} -jar "$JAR" > "$DATA/app.log" 2>&1 &
PID=$!
until curl -sf "localhost:$PORT/health/readiness" > /dev/null 2>&1; do sleep 0.2; done

java -Dmerchants="$MERCHANTS" bench/GoogleFeedsDataset.java "http://localhost:$PORT" "$KEY"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
    START=$(date +%s.%N)
    ANSWER=$(curl -sf -X POST -H "Authorization: Bearer $KEY" "localhost:$PORT/google-integration/feeds")
    END=$(date +%s.%N)
    ROWS=$(echo "$ANSWER" | sed -E 's/.*"availability_rows":([0-9]+).*/\1/')
    SHARDS=$(echo "$ANSWER" | sed -E 's/.*"availability_shards":([0-9]+).*/\1/')
    MERCH=$(echo "$ANSWER" | sed -E 's/.*"merchants":([0-9]+).*/\1/')
    printf 'run %d: %.2f s, %s merchants, %s availability rows in %s shards (load %s)\n' \
        "$run" "$(echo "$END - $START" | bc)" "$MERCH" "$ROWS" "$SHARDS" "$(cut -d' ' -f1 /proc/loadavg)"
done

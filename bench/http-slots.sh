#!/usr/bin/env bash
# HTTP benchmark of GET /reservation-available-slots under concurrent load: starts the server on a fresh
# embedded database, loads the fixed dataset (bench/SlotsDataset.java: 50 resources, hours on every day,
# exceptions), then runs wrk on the one-day query (party of 4, any table) and on a 28-day range.
#
#   bench/http-slots.sh        # needs wrk (apt-get install wrk); builds the jar if missing
#   JAR=/tmp/before.jar bench/http-slots.sh   # measures another build, e.g. to compare before and after
#
# The dataset includes 10,000 reservations over 28 days, booked through the API before the measurement.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18081}
KEY=rsv_bench-platform-key-0123456789abcdefghijklmnop

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
JAR=${JAR:-$(ls target/reserva-*.jar 2>/dev/null | head -1 || true)}
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/reserva-*.jar | head -1)
fi
DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
RESERVA_DATA_DIR="$DATA" RESERVA_PORT=$PORT RESERVA_DEMO=false RESERVA_BOOTSTRAP_ADMIN_KEY=$KEY \
    RESERVA_RATE_LIMIT_ENABLED=false java ${JAVA_OPTS:-} -jar "$JAR" > "$DATA/app.log" 2>&1 &
PID=$!
until curl -sf "localhost:$PORT/health/readiness" > /dev/null 2>&1; do sleep 0.1; done

read -r ORG SERVICE DAY ORGKEY < <(java bench/SlotsDataset.java "http://localhost:$PORT" "$KEY")
ONE_DAY="http://localhost:$PORT/reservation-available-slots?service_id=$SERVICE&date=$DAY&party_size=4"
RANGE_END=$(date -d "$DAY + 27 days" +%F)
RANGE="http://localhost:$PORT/reservation-available-slots?service_id=$SERVICE&start_date=$DAY&end_date=$RANGE_END&party_size=4"
echo "dataset: organization $ORG, service $SERVICE, day $DAY ($(curl -s -H "Authorization: Bearer $ORGKEY" "$ONE_DAY" | grep -o '"start_datetime"' | wc -l) slots)"

wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $ORGKEY" "$ONE_DAY" > /dev/null
for target in "one day|$ONE_DAY" "28 days|$RANGE"; do
    echo "GET /reservation-available-slots, ${target%%|*}, $CONNECTIONS connections, $DURATION:"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $ORGKEY" "${target#*|}" |
        grep -E 'Requests/sec|Latency|50%|90%|99%|requests in|Non-2xx'
done

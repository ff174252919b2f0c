#!/usr/bin/env bash
# HTTP benchmark of what a guest's phone asks for on a booking page, under wrk: the page's HTML shell, the page's
# JSON (services, custom fields), one day of free starts and a month for the calendar, each beside the same slots
# asked through the API with a key (the ratio is the cost of the public layer). Then one guest at a time books
# (hold, then confirm with details) and the script prints how long the two calls took.
#
#   bench/http-booking-page.sh      # needs wrk (apt-get install wrk); builds the jar if missing
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18083}
BOOKINGS=${BOOKINGS:-50}
KEY=rsv_bench-platform-key-0123456789abcdefghijklmnop

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
JAR=$(ls target/reserva-*.jar 2>/dev/null | head -1 || true)
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

BASE="http://localhost:$PORT"
field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
post() { curl -sf -H "Authorization: Bearer $1" -H 'Content-Type: application/json' "$BASE$2" -d "$3"; }
ORG=$(post $KEY /organizations '{"name":"Bench bistro","timezone":"Europe/Madrid","currency":"EUR","country":"ES"}' | field id)
ORGKEY=$(post $KEY /api-keys "{\"organization_id\":\"$ORG\",\"name\":\"bench\",\"role\":\"admin\"}" | field secret)
SERVICE=$(post "$ORGKEY" /reservation-services '{"name":"Dinner","duration_minutes":90,"slot_interval":15}' | field id)
for t in 1 2 3 4 5 6 7 8 9 10; do
    TABLE=$(post "$ORGKEY" /reservation-resources "{\"name\":\"Table $t\",\"resource_type\":\"table\",\"capacity\":4}" | field id)
    post "$ORGKEY" /reservation-service-resources "{\"service_id\":\"$SERVICE\",\"resource_id\":\"$TABLE\",\"assignment_mode\":\"required\"}" > /dev/null
done
WEEK=$(for d in 0 1 2 3 4 5 6; do printf '{"day_of_week":%d,"start_time":"12:00","end_time":"23:00"},' "$d"; done)
curl -sf -X PUT -H "Authorization: Bearer $ORGKEY" -H 'Content-Type: application/json' "$BASE/reservation-resource-availability/week" \
    -d "{\"resource_id\":null,\"windows\":[${WEEK%,}]}" > /dev/null
post "$ORGKEY" /reservation-booking-links '{"name":"Dinner","slug":"dinner","page_config":{"policy_text":"Be on time."}}' > /dev/null

DAY=$(date -d tomorrow +%F)
MONTH_END=$(date -d "$DAY + 30 days" +%F)
PUBLIC="$BASE/public/booking-links/$ORG/dinner"
targets=(
    "HTML shell /b/{org}/{slug}|$BASE/b/$ORG/dinner|"
    "page JSON|$PUBLIC|"
    "public slots, one day|$PUBLIC/slots?service_id=$SERVICE&party_size=2&date=$DAY|"
    "API slots, one day (key)|$BASE/reservation-available-slots?service_id=$SERVICE&party_size=2&date=$DAY|$ORGKEY"
    "public slots, 31 days|$PUBLIC/slots?service_id=$SERVICE&party_size=2&start_date=$DAY&end_date=$MONTH_END|"
    "API slots, 31 days (key)|$BASE/reservation-available-slots?service_id=$SERVICE&party_size=2&start_date=$DAY&end_date=$MONTH_END|$ORGKEY"
)
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$PUBLIC/slots?service_id=$SERVICE&party_size=2&date=$DAY" > /dev/null
for target in "${targets[@]}"; do
    IFS='|' read -r name url auth <<< "$target"
    echo "GET $name, $CONNECTIONS connections, $DURATION:"
    header=()
    [ -n "$auth" ] && header=(-H "Authorization: Bearer $auth")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$url" |
        grep -E 'Requests/sec|99%|Non-2xx' | sed 's/^/    /'
done

echo "One guest at a time: hold, then confirm ($BOOKINGS bookings over the next days):"
START_TS=$(date +%s%N)
HOLD_NS=0
CONFIRM_NS=0
for i in $(seq 1 "$BOOKINGS"); do
    SLOT_DAY=$(date -d "$DAY + $((i % 20)) days" +%F)
    START=$(curl -sf "$PUBLIC/slots?service_id=$SERVICE&party_size=2&date=$SLOT_DAY" | grep -o '"start_datetime":"[^"]*"' | sed -n "$(( (i / 20) + 1 ))p" | cut -d'"' -f4)
    t0=$(date +%s%N)
    TOKEN=$(curl -sf -H 'Content-Type: application/json' "$PUBLIC/holds" \
        -d "{\"service_id\":\"$SERVICE\",\"party_size\":2,\"start_datetime\":\"$START\"}" | field token)
    t1=$(date +%s%N)
    curl -sf -H 'Content-Type: application/json' "$PUBLIC/bookings/$TOKEN/confirm" \
        -d "{\"contact\":{\"first_name\":\"Guest\",\"last_name\":\"$i\",\"email\":\"guest$i@example.com\"},\"policy_accepted\":true}" > /dev/null
    t2=$(date +%s%N)
    HOLD_NS=$((HOLD_NS + t1 - t0))
    CONFIRM_NS=$((CONFIRM_NS + t2 - t1))
done
echo "    hold: mean $((HOLD_NS / BOOKINGS / 1000000)) ms, confirm: mean $((CONFIRM_NS / BOOKINGS / 1000000)) ms (curl included)"
echo "    total for $BOOKINGS bookings including the slot lookups: $(( ($(date +%s%N) - START_TS) / 1000000 )) ms"

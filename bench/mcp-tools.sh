#!/usr/bin/env bash
# What the MCP layer costs: the same slot search through GET /reservation-available-slots, through MCP
# (POST /mcp, tools/call get_available_slots) and through the REST face (POST /ai-assistants/{id}/tools/...),
# under wrk on the demo restaurant. Each call goes through authentication, the assistant lookup, argument binding
# and the audit trail, which the plain endpoint does not have.
#
#   bench/mcp-tools.sh        # needs wrk (apt-get install wrk); builds the jar if missing
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
PORT=${PORT:-18083}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
JAR=$(ls target/reserva-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/reserva-*.jar | head -1)
fi
DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
RESERVA_DATA_DIR="$DATA" RESERVA_PORT=$PORT RESERVA_DEMO=true RESERVA_RATE_LIMIT_ENABLED=false \
    java ${JAVA_OPTS:-} -jar "$JAR" > "$DATA/app.log" 2>&1 &
PID=$!
until curl -sf "localhost:$PORT/health/readiness" > /dev/null 2>&1; do sleep 0.2; done
until [ -s "$DATA/demo-admin.key" ]; do sleep 0.2; done

BASE="http://localhost:$PORT"
KEY=$(cat "$DATA/demo-admin.key")
DINNER=$(curl -s -H "Authorization: Bearer $KEY" "$BASE/reservation-services?name=Dinner" \
    | sed -E 's/.*"data":\[\{"id":"([^"]+)".*/\1/')
DAY=$(date -d 'next friday' +%F)
CREATED=$(curl -s -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$BASE/ai-assistants" \
    -d '{"name":"Bench","internal_tools":{"tools":["get_available_slots"]}}')
ASSISTANT=$(echo "$CREATED" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
AKEY=$(echo "$CREATED" | sed -E 's/.*"secret":"([^"]+)".*/\1/')

ARGS="{\"service_id\":\"$DINNER\",\"date\":\"$DAY\",\"party_size\":4}"
MCP_BODY="{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"get_available_slots\",\"arguments\":$ARGS}}"
LUA="$DATA/post.lua"

run() { # name, url, [body]
    local name=$1 url=$2 body=${3:-}
    if [ -n "$body" ]; then
        printf 'wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Accept"] = "application/json, text/event-stream"\n' \
            "$(printf '%s' "$body" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/')" > "$LUA"
        wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -s "$LUA" -H "Authorization: Bearer $AKEY" "$url" > /dev/null
        echo "$name:"
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$LUA" -H "Authorization: Bearer $AKEY" "$url" \
            | grep -E 'Requests/sec|^ +99%|Non-2xx'
    else
        wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $KEY" "$url" > /dev/null
        echo "$name:"
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: Bearer $KEY" "$url" \
            | grep -E 'Requests/sec|^ +99%|Non-2xx'
    fi
}

echo "demo Dinner, $DAY, party of 4: $(curl -s -H "Authorization: Bearer $KEY" \
    "$BASE/reservation-available-slots?service_id=$DINNER&date=$DAY&party_size=4" | grep -o '"start_datetime"' | wc -l) slots;" \
    "$CONNECTIONS connections, $DURATION each"
run "GET /reservation-available-slots" "$BASE/reservation-available-slots?service_id=$DINNER&date=$DAY&party_size=4"
run "POST /mcp tools/call get_available_slots" "$BASE/mcp" "$MCP_BODY"
run "POST /ai-assistants/{id}/tools/get_available_slots" "$BASE/ai-assistants/$ASSISTANT/tools/get_available_slots" "$ARGS"
echo "audit rows written: $(curl -s -H "Authorization: Bearer $KEY" "$BASE/ai-assistants/$ASSISTANT/tool-calls?\$limit=0" \
    | sed -E 's/.*"total":([0-9]+).*/\1/')"

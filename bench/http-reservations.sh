#!/usr/bin/env bash
# Benchmark of reservation creates: HTTP with distinct slots, HTTP contention on one slot, and the raw
# database ceiling (plain JDBC inserts into an identically constrained table), in one run on a fresh
# embedded PostgreSQL with the app's durable settings (synchronous_commit=on).
#
#   bench/http-reservations.sh                 # CLIENTS=16 SECONDS=20 ROUNDS=30 by default
#   CLIENTS=32 SECONDS=30 bench/http-reservations.sh
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/http-reservations.sh   # the server on another JDK
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18082}
DB_PORT=${DB_PORT:-54329}
KEY=rsv_bench-platform-key-0123456789abcdefghijklmnop
JAR=$(ls target/reserva-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/reserva-*.jar | head -1)
fi
PGJDBC=$(find "${HOME}/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)
DATA=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
RESERVA_DATA_DIR="$DATA" RESERVA_PORT=$PORT RESERVA_EMBEDDED_DATABASE_PORT=$DB_PORT RESERVA_DEMO=false \
    RESERVA_BOOTSTRAP_ADMIN_KEY=$KEY RESERVA_RATE_LIMIT_ENABLED=false \
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${JAVA_OPTS:-} -jar "$JAR" > "$DATA/app.log" 2>&1 &
PID=$!
until curl -sf "localhost:$PORT/health/readiness" > /dev/null 2>&1; do sleep 0.1; done
java -Dclients="${CLIENTS:-16}" -Dseconds="${SECONDS_PER_RUN:-20}" -Drounds="${ROUNDS:-30}" -cp "$PGJDBC" \
    bench/ReservationsBenchmark.java "http://localhost:$PORT" "$KEY" \
    "jdbc:postgresql://localhost:$DB_PORT/reserva?user=postgres&password=$(cat "$DATA/postgres.password")"

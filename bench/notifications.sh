#!/usr/bin/env bash
# Benchmark of guest emails on loopback: REMINDERS reminders fall due at once and are sent to a local GreenMail
# while clients keep booking. Prints reminders/s (target: at least 200) and the create p99 under that load
# against an idle server's (target: within 2x). See docs/benchmarks.md, "Guest emails".
#
#   bench/notifications.sh                           # REMINDERS=10000 CREATORS=4 CREATE_RATE=10 IDLE_SECONDS=30 CONCURRENCY=16
#   CREATE_RATE=0 bench/notifications.sh             # the creators flat out, as before 2 December
#   REMINDERS=1000 IDLE_SECONDS=10 bench/notifications.sh   # a short run
set -euo pipefail
cd "$(dirname "$0")/.."

# Reserva runs from target/classes with Maven's resolved test classpath (for GreenMail and the JDBC driver),
# as bench/cost.sh does: Spring Boot's repackaging needs plugin artifacts the offline repository lacks.
CLASSPATH_FILE=target/bench-notifications-classpath.txt
if [ ! -f "$CLASSPATH_FILE" ] || [ -n "$(find src/main pom.xml -newer "$CLASSPATH_FILE" -type f | head -1)" ]; then
    echo "building Reserva"
    ./mvnw -o -B -X -Djacoco.skip=true test-compile > target/bench-build.log 2>&1 || {
        grep ERROR target/bench-build.log | head -20 >&2
        exit 1
    }
    grep -m1 '(f) testPath = ' target/bench-build.log | sed 's/.*(f) testPath = \[//; s/\]$//' | tr ',' '\n' |
        sed 's/^ *//' | grep -v '/test-classes$' | paste -sd: > "$CLASSPATH_FILE"
    rm target/bench-build.log
fi
CP=$(cat "$CLASSPATH_FILE")
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
java -cp "$CP" -Dreminders="${REMINDERS:-10000}" -Dcreators="${CREATORS:-4}" -Dcreate.rate="${CREATE_RATE:-10}" -Didle.seconds="${IDLE_SECONDS:-30}" \
    -Dconcurrency="${CONCURRENCY:-16}" -Dport="${PORT:-18084}" -Ddb.port="${DB_PORT:-15434}" \
    -Dsmtp.port="${SMTP_PORT:-13025}" -Djava.opts="${JAVA_OPTS:-}" \
    bench/NotificationsBenchmark.java "$CP" "$DATA"

#!/usr/bin/env bash
# Benchmark of webhook delivery on loopback: the driver runs a fast receiver, starts the server itself (once
# with delivery workers off to build a backlog, then with them on), and prints
# 1. deliveries/s one node sustains draining that backlog (ENDPOINTS endpoints x CONTACTS events);
# 2. latency from a change's commit to the receiver's 2xx, for paced single changes (median, p99).
#
#   bench/webhooks.sh                              # ENDPOINTS=10 CONTACTS=1000 SAMPLES=300 by default
#   ENDPOINTS=20 CONTACTS=2000 bench/webhooks.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=$(ls target/reserva-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
    ./mvnw -B -q -DskipTests package
    JAR=$(ls target/reserva-*.jar | head -1)
fi
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
java -Dendpoints="${ENDPOINTS:-10}" -Dcontacts="${CONTACTS:-1000}" -Dsamples="${SAMPLES:-300}" \
    -Dport="${PORT:-18083}" -Dreceiver.port="${RECEIVER_PORT:-18093}" -Djava.opts="${JAVA_OPTS:-}" \
    bench/WebhooksBenchmark.java "$JAR" "$DATA"

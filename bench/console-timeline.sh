#!/usr/bin/env bash
# The console's timeline in headless Chromium (issue 11 "Speed"): the 60-resource/400-reservation day
# (bench/DayDataset.java) opened N times in /console?date=…&view=timeline; prints p50/p95/max of "drawn and
# stable" from navigation, and beside it when the day's answer arrived and when the console drew it.
# Runs ConsoleLiveBenchmark's timeline half (the app in a Spring test, the system Chromium).
#
#   bench/console-timeline.sh        # 10 loads
#   LOADS=20 bench/console-timeline.sh
#   FROM=blank bench/console-timeline.sh   # each load from an empty page (opening the console), not a reload
set -euo pipefail
cd "$(dirname "$0")/.."
LOADS=${LOADS:-10}
FROM=${FROM:-console}
uptime
./mvnw -q -o test -Dtest=ConsoleLiveBenchmark -Djacoco.skip=true -Dtest.jit= -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.part=timeline -Dbench.loads="$LOADS" -Dbench.from="$FROM" 2>&1 | grep -E '^(TIMELINE|  the day|  the last|  the first|  CPU|  waterfall|    [0-9]|    navigation|load average|  profile|      )' || {
    echo "the benchmark failed: see target/surefire-reports/io.reserva.console.bench.ConsoleLiveBenchmark-output.txt" >&2
    exit 1
}
uptime

#!/usr/bin/env bash
# What a request costs in Reserva beside a minimal application on the same stack (bench/minimal-app: Spring
# MVC, Jackson, JdbcClient, HikariCP with 10 connections, no filters, auth or validation), both on the one
# embedded PostgreSQL Reserva starts. HTTP load comes from wrk (-t2 -c16), never from a JVM: a load generator
# on the JVM takes a third of a two-core machine. See docs/benchmarks.md.
#
#   bench/cost.sh                                    # the server on the default java
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 bench/cost.sh
#   ENDPOINTS="read minimal-read" bench/cost.sh     # only these endpoints (and their per-request samples)
#   RESERVA_JAVA_OPTS=-XX:StartFlightRecording=... bench/cost.sh   # options for Reserva's JVM only (JAVA_OPTS: both)
#   ROUNDS=3 ROUND_SECONDS=15 WARMUP_MIN=40 WARMUP_MAX=90 BOOKINGS=10000 bench/cost.sh
#
# 1. compiles Reserva and builds the minimal app when their sources changed;
# 2. starts Reserva on a fresh data directory, turns on pg_stat_statements (one restart), starts the minimal
#    app against a database "minimal" on the same server, and loads the data through the API (the slots
#    dataset of bench/SlotsDataset.java: 50 resources, BOOKINGS reservations);
# 3. warms every endpoint up to its plateau: 5 s windows until two successive ones agree within 5%, after at
#    least WARMUP_MIN seconds (a cold JVM can be steadily slow for two windows) and at most WARMUP_MAX;
# 4. ROUNDS interleaved rounds of ROUND_SECONDS over every endpoint: requests/s, p50/p99, and the CPU per
#    request of the application's JVM and of all PostgreSQL processes (utime+stime from /proc);
# 5. medians, spread and ratios; statements, rows written and WAL bytes of single requests; the 64-way race
#    for one last unit (exactly one 201, zero overlaps in the SQL audit of reservation_allocations).
# The output is also written to bench/results/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18082}
MIN_PORT=${MIN_PORT:-18090}
DB_PORT=${DB_PORT:-54329}
ROUNDS=${ROUNDS:-3}
ROUND_SECONDS=${ROUND_SECONDS:-15}
WARMUP_MIN=${WARMUP_MIN:-40}
WARMUP_MAX=${WARMUP_MAX:-90}
BOOKINGS=${BOOKINGS:-10000}
TARGETS=${TARGETS:-32}
SAMPLE=${SAMPLE:-200}
KEY=rsv_bench-platform-key-0123456789abcdefghijklmnop
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TICK_MS=$((1000 / $(getconf CLK_TCK)))

command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v psql > /dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }
mkdir -p bench/results target
OUT=bench/results/cost-$(date -u +%Y%m%dT%H%M%SZ).txt
exec > >(tee "$OUT") 2>&1

# --- build ---------------------------------------------------------------------------------------------
# Spring Boot's repackaging needs plugin artifacts that the offline repository does not hold, so Reserva runs
# from target/classes with its runtime classpath, read from Maven's own resolution (the test classpath without
# the test libraries), and the minimal app is a thin jar whose manifest points into ~/.m2.
CLASSPATH_FILE=target/bench-classpath.txt
if [ ! -f "$CLASSPATH_FILE" ] || [ -n "$(find src/main pom.xml -newer "$CLASSPATH_FILE" -type f | head -1)" ]; then
    echo "building Reserva"
    ./mvnw -o -B -X -Djacoco.skip=true test-compile > target/bench-build.log 2>&1 || {
        grep ERROR target/bench-build.log | head -20 >&2
        exit 1
    }
    grep -m1 '(f) testPath = ' target/bench-build.log | sed 's/.*(f) testPath = \[//; s/\]$//' | tr ',' '\n' |
        sed 's/^ *//' | grep -v '/test-classes$' |
        grep -Ev '/(junit|jqwik|mockito|assertj|playwright|spring-boot-starter-test|spring-boot-test|spring-test|spring-modulith-test|spring-modulith-starter-test|awaitility|hamcrest|jsonassert|xmlunit|archunit|opentest4j|jmh|json-path)[-/]' |
        paste -sd: > "$CLASSPATH_FILE"
    rm target/bench-build.log
fi
MINIMAL_JAR=bench/minimal-app/target/minimal-app.jar
if [ ! -f "$MINIMAL_JAR" ] || [ -n "$(find bench/minimal-app/src bench/minimal-app/pom.xml -newer "$MINIMAL_JAR" -type f | head -1)" ]; then
    echo "building the minimal app"
    ./mvnw -o -q -B -f bench/minimal-app/pom.xml -DskipTests package
fi

# --- start ---------------------------------------------------------------------------------------------
DATA=$(mktemp -d)
PID=
MIN_PID=
cleanup() {
    [ -n "$MIN_PID" ] && { kill "$MIN_PID" 2> /dev/null || true; wait "$MIN_PID" 2> /dev/null || true; }
    [ -n "$PID" ] && { kill "$PID" 2> /dev/null || true; wait "$PID" 2> /dev/null || true; }
    cp "$DATA/app.log" "${OUT%.txt}-reserva.log" 2> /dev/null || true
    cp "$DATA/minimal.log" "${OUT%.txt}-minimal.log" 2> /dev/null || true
    rm -rf "$DATA"
}
trap cleanup EXIT
# A copy of the classes, so compiling in the worktree while the benchmark runs cannot change the server.
cp -r target/classes "$DATA/classes"

start_reserva() {
    RESERVA_DATA_DIR="$DATA" RESERVA_PORT=$PORT RESERVA_EMBEDDED_DATABASE_PORT=$DB_PORT RESERVA_DEMO=false \
        RESERVA_BOOTSTRAP_ADMIN_KEY=$KEY RESERVA_RATE_LIMIT_ENABLED=false \
        "$JAVA" ${JAVA_OPTS:-} ${RESERVA_JAVA_OPTS:-} -cp "$DATA/classes:$(cat "$CLASSPATH_FILE" | sed 's|^[^:]*/target/classes:||')" io.reserva.ReservaApplication >> "$DATA/app.log" 2>&1 &
    PID=$!
    wait_for "http://127.0.0.1:$PORT/health/readiness" "$PID" "$DATA/app.log"
}
wait_for() {
    local deadline=$((SECONDS + 120))
    until curl -s ${4:--f} -o /dev/null "$1" 2> /dev/null; do
        if ! kill -0 "$2" 2> /dev/null || [ $SECONDS -gt $deadline ]; then
            echo "the server did not start:" >&2
            tail -30 "$3" >&2
            exit 1
        fi
        sleep 0.2
    done
}
# The embedded server asks for the password Reserva generated into the data directory on its first start.
sql() {
    PGPASSWORD=$(cat "$DATA/postgres.password") \
        psql -X -q -t -A -F ' ' -h 127.0.0.1 -p "$DB_PORT" -U postgres -d "${DB:-reserva}" -c "$1"
}

"$JAVA" -version 2>&1 | head -1 | sed 's/^/server JDK: /'
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_reserva
# pg_stat_statements must be preloaded: set it on the durable server, then restart Reserva (and its server).
DB=postgres sql "alter system set shared_preload_libraries = 'pg_stat_statements'" > /dev/null
kill "$PID"
wait "$PID" || true
start_reserva
DB=postgres sql "create extension if not exists pg_stat_statements" > /dev/null
DB=postgres sql "create database minimal" > /dev/null
POSTMASTER=$(head -1 "$DATA/postgres/postmaster.pid")
MINIMAL_PORT=$MIN_PORT MINIMAL_DATABASE_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/minimal" \
    SPRING_DATASOURCE_PASSWORD=$(cat "$DATA/postgres.password") \
    "$JAVA" ${JAVA_OPTS:-} -jar "$MINIMAL_JAR" > "$DATA/minimal.log" 2>&1 &
MIN_PID=$!
wait_for "http://127.0.0.1:$MIN_PORT/bookings/00000000-0000-0000-0000-000000000000" "$MIN_PID" "$DATA/minimal.log" -s

# --- data ----------------------------------------------------------------------------------------------
R="http://127.0.0.1:$PORT"
M="http://127.0.0.1:$MIN_PORT"
field() { grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*: *"\(.*\)"/\1/'; }
call() { # METHOD PATH BODY [KEY]: the body of a 2xx answer, or exit
    local answer status
    answer=$(curl -s -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer ${4:-$ORGKEY}" \
        -H 'Content-Type: application/json' ${3:+--data "$3"} "$R$2")
    status=${answer##*$'\n'}
    if [ "${status:0:1}" != 2 ]; then
        echo "$1 $2 answered $status: ${answer%$'\n'*}" >&2
        exit 1
    fi
    echo "${answer%$'\n'*}"
}
ORG=$(call POST /organizations '{"name":"Bench Courts","timezone":"UTC","currency":"EUR"}' "$KEY" | field id)
ORGKEY=$(call POST /api-keys "{\"organization_id\":\"$ORG\",\"name\":\"bench\",\"role\":\"admin\"}" "$KEY" |
    field secret)
WEEK=$(for d in 0 1 2 3 4 5 6; do printf '%s{"day_of_week":%d,"start_time":"00:00","end_time":"00:00"}' \
    "$([ $d = 0 ] || echo ,)" $d; done)
SERVICES=()
for i in $(seq 1 "$TARGETS"); do
    service=$(call POST /reservation-services '{"name":"Court hour '$i'","duration_minutes":15,"slot_interval":15}' |
        field id)
    court=$(call POST /reservation-resources '{"name":"Court '$i'","resource_type":"room"}' | field id)
    call POST /reservation-service-resources \
        "{\"service_id\":\"$service\",\"resource_id\":\"$court\",\"assignment_mode\":\"required\"}" > /dev/null
    call PUT /reservation-resource-availability/week "{\"resource_id\":\"$court\",\"windows\":[$WEEK]}" > /dev/null
    SERVICES+=("$service")
done
MIN_RESOURCES=()
for i in $(seq 1 "$TARGETS"); do MIN_RESOURCES+=("$(cat /proc/sys/kernel/random/uuid)"); done
MIN_ORG=$(cat /proc/sys/kernel/random/uuid)
FIRST=$(($(date -u -d "$(date -u +%F) + 2 days" +%s)))
iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
# One reservation and one minimal booking to read, far from the starts the creates use.
READ_START=$(iso $((FIRST - 86400)))
RESERVATION=$(call POST /reservations \
    "{\"service_id\":\"${SERVICES[0]}\",\"party_size\":1,\"start_datetime\":\"$READ_START\"}" | field id)
BOOKING=$(curl -sf -H 'Content-Type: application/json' -d "{\"organization_id\":\"$MIN_ORG\",\"resource_id\":\"${MIN_RESOURCES[0]}\",\"start_datetime\":\"$READ_START\",\"end_datetime\":\"$(iso $((FIRST - 86400 + 900)))\"}" "$M/bookings" | field id)
if [[ " ${ENDPOINTS:-slots} " == *" slots "* ]]; then
    echo "loading the slots dataset ($BOOKINGS bookings)"
    LOAD_START=$SECONDS
    read -r SLOTS_ORG SLOTS_SERVICE SLOTS_DAY SLOTS_KEY < <("$JAVA" -Dbookings="$BOOKINGS" bench/SlotsDataset.java "$R" "$KEY")
    echo "loaded in $((SECONDS - LOAD_START)) s"
fi

# --- measuring -----------------------------------------------------------------------------------------
# The create counter's offset, advanced past every run so no two creates ever share a start (in a file: run
# is called in command substitutions, whose variables die with them).
echo 0 > "$DATA/base"
pg_ticks() {
    local total=0 pid
    for pid in "$POSTMASTER" $(ps -o pid= --ppid "$POSTMASTER"); do
        # utime stime (+ cutime cstime for the postmaster: backends that exited)
        if [ -r "/proc/$pid/stat" ]; then
            total=$((total + $(awk -v pm=$([ "$pid" = "$POSTMASTER" ] && echo 1 || echo 0) \
                '{ sub(/^.*\) /, ""); print $12 + $13 + (pm ? $14 + $15 : 0) }' "/proc/$pid/stat")))
        fi
    done
    echo $total
}
app_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }

# run NAME SECONDS [record]: one wrk run of the endpoint NAME; prints "requests/s p50 p99 appcpu pgcpu non2xx"
run() {
    local name=$1 duration=$2 app url lua=() auth=() out requests
    case $name in
        create | create-keyed | minimal-create)
            local mode=reserva targets=("${SERVICES[@]}")
            [ "$name" = create-keyed ] && mode=reserva-keyed
            [ "$name" = minimal-create ] && mode=minimal targets=("$MIN_ORG" "${MIN_RESOURCES[@]}")
            lua=(-s bench/wrk/create.lua)
            url=$([ $mode = minimal ] && echo "$M/bookings" || echo "$R/reservations")
            ;;
    esac
    case $name in
        create | create-keyed) app=$PID auth=(-H "Authorization: Bearer $ORGKEY") ;;
        minimal-create) app=$MIN_PID ;;
        read) app=$PID url="$R/reservations/$RESERVATION" auth=(-H "Authorization: Bearer $ORGKEY") ;;
        minimal-read) app=$MIN_PID url="$M/bookings/$BOOKING" ;;
        slots)
            app=$PID auth=(-H "Authorization: Bearer $SLOTS_KEY")
            url="$R/reservation-available-slots?service_id=$SLOTS_SERVICE&date=$SLOTS_DAY&party_size=4"
            ;;
        organization) app=$PID url="$R/organizations/$ORG" auth=(-H "Authorization: Bearer $ORGKEY") ;;
    esac
    local a0 p0 a1 p1
    a0=$(app_ticks "$app")
    p0=$(pg_ticks)
    if [ ${#lua[@]} -gt 0 ]; then
        out=$(wrk -t2 -c16 -d"${duration}s" --latency "${lua[@]}" "${auth[@]}" "$url" -- \
            "$mode" "$(cat "$DATA/base")" "$FIRST" "${targets[@]}")
    else
        out=$(wrk -t2 -c16 -d"${duration}s" --latency "${auth[@]}" "$url")
    fi
    a1=$(app_ticks "$app")
    p1=$(pg_ticks)
    requests=$(echo "$out" | awk '/requests in/ { print $1 }')
    [ ${#lua[@]} -gt 0 ] && echo $(($(cat "$DATA/base") + 2 * requests + 10000)) > "$DATA/base"
    echo "$out" | awk -v req="$requests" -v app=$(((a1 - a0) * TICK_MS)) -v pg=$(((p1 - p0) * TICK_MS)) '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = ms($2) }
        /^ +99%/ { p99 = ms($2) }
        /Non-2xx/ { bad = $NF }
        /Socket errors/ { gsub(/,/, ""); sock = "+" ($4 + $6 + $8 + $10) "-socket-errors" }
        END { printf "%.0f %.2f %.2f %.3f %.3f %s\n", rps, p50, p99, app / req, pg / req, (bad == "" ? 0 : bad) sock }'
}

# ENDPOINTS="read minimal-read" bench/cost.sh measures (and samples) only those.
read -r -a ENDPOINTS <<< "${ENDPOINTS:-create create-keyed minimal-create read minimal-read slots organization}"
echo
echo "warm-up: 5 s windows per endpoint, at least $WARMUP_MIN s, until two successive ones agree within 5% (at most $WARMUP_MAX s)"
for name in "${ENDPOINTS[@]}"; do
    previous=0 windows=()
    for ((elapsed = 0; elapsed < WARMUP_MAX; elapsed += 5)); do
        rps=$(run "$name" 5 | cut -d' ' -f1)
        windows+=("$rps")
        if [ $((elapsed + 5)) -ge "$WARMUP_MIN" ] && [ "$previous" -gt 0 ] && [ $((100 * (rps > previous ? rps - previous : previous - rps))) -le $((5 * previous)) ]; then
            break
        fi
        previous=$rps
    done
    printf '  %-15s %s req/s\n' "$name" "${windows[*]}"
done

echo
echo "measuring: $ROUNDS interleaved rounds of $ROUND_SECONDS s, wrk -t2 -c16"
printf '  %-15s %5s %8s %8s %8s %10s %10s %s\n' endpoint round 'req/s' 'p50 ms' 'p99 ms' 'app ms/req' 'pg ms/req' non-2xx
RESULTS=$DATA/results
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
    for name in "${ENDPOINTS[@]}"; do
        line=$(run "$name" "$ROUND_SECONDS")
        echo "$name $round $line" >> "$RESULTS"
        read -r rps p50 p99 app pg bad <<< "$line"
        printf '  %-15s %5s %8s %8s %8s %10s %10s %s\n' "$name" "$round" "$rps" "$p50" "$p99" "$app" "$pg" "$bad"
    done
done

echo
echo "medians over the rounds (min-max)"
printf '  %-15s %-20s %-18s %-18s %-20s %-20s\n' endpoint 'req/s' 'p50 ms' 'p99 ms' 'app CPU ms/req' 'pg CPU ms/req'
median() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$RESULTS" | sort -g | awk '
    { v[NR] = $1 } END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s %s %s", m, v[1], v[NR] }'; }
declare -A MEDIAN
for name in "${ENDPOINTS[@]}"; do
    cells=()
    for column in 3 4 5 6 7; do
        read -r m lo hi <<< "$(median "$name" $column)"
        MEDIAN[$name,$column]=$m
        cells+=("$m ($lo-$hi)")
    done
    printf '  %-15s %-20s %-18s %-18s %-20s %-20s\n' "$name" "${cells[@]}"
done
ratio() { awk -v a="${MEDIAN[$1,3]:-}" -v b="${MEDIAN[$2,3]:-}" 'BEGIN { if (a == "" || b == "") printf "-"; else printf "%.2f", a / b }'; }
echo
echo "ratios of the median rates"
echo "  creates / minimal creates:            $(ratio create minimal-create)   (target >= 0.5, p99 <= 25 ms: ${MEDIAN[create,5]:-} ms)"
echo "  idempotent creates / plain creates:   $(ratio create-keyed create)   (target >= 0.9)"
echo "  read by id / minimal read:            $(ratio read minimal-read)   (target >= 0.85)"
echo "  GET /organizations/{id} / minimal read: $(ratio organization minimal-read)"
echo "  one day of slots:                     ${MEDIAN[slots,3]:-} req/s   (target >= 3000)"

# --- single requests -----------------------------------------------------------------------------------
# SAMPLE sequential requests between two snapshots of pg_stat_statements, the WAL position, pg_stat_database's
# tuple counters and pg_stat_io's WAL fsyncs. The servers' background work (webhook polling, hold sweeps)
# runs meanwhile and is counted too; it is small against SAMPLE requests.
echo
echo "per request, $SAMPLE sequential requests each (pg_stat_statements, pg_stat_database, pg_stat_io, WAL position)"
sample() { # NAME DATABASE: runs SAMPLE requests of NAME and prints what one request costs the database
    local name=$1 db=$2 lsn i start args answer slot0
    # Starts past every one the load used (the load's counter is in $DATA/base), so a sample never collides.
    slot0=$(($(cat "$DATA/base") / TARGETS + 100))
    echo $(($(cat "$DATA/base") + (SAMPLE + 200) * TARGETS)) > "$DATA/base"
    sleep 2 # backends publish their statistics about a second after they go idle
    DB=postgres sql "select pg_stat_statements_reset()" > /dev/null
    read -r lsn tuples fsyncs <<< "$(DB=postgres sql "$COUNTERS")"
    for ((i = 0; i < SAMPLE; i++)); do
        start=$(iso $((FIRST + 900 * (slot0 + i))))
        case $name in
            create) args=(-H "Authorization: Bearer $ORGKEY" -d "{\"service_id\":\"${SERVICES[1 % TARGETS]}\",\"party_size\":1,\"start_datetime\":\"$start\"}" "$R/reservations") ;;
            create-keyed) args=(-H "Authorization: Bearer $ORGKEY" -H "Idempotency-Key: sample-$i" -d "{\"service_id\":\"${SERVICES[2 % TARGETS]}\",\"party_size\":1,\"start_datetime\":\"$start\"}" "$R/reservations") ;;
            minimal-create) args=(-d "{\"organization_id\":\"$MIN_ORG\",\"resource_id\":\"${MIN_RESOURCES[1]}\",\"start_datetime\":\"$start\",\"end_datetime\":\"$(iso $((FIRST + 900 * (slot0 + i) + 900)))\"}" "$M/bookings") ;;
            read) args=(-H "Authorization: Bearer $ORGKEY" "$R/reservations/$RESERVATION") ;;
            minimal-read) args=("$M/bookings/$BOOKING") ;;
        esac
        answer=$(curl -s -w '\n%{http_code}' -H 'Content-Type: application/json' "${args[@]}")
        [ "${answer##*$'\n'}" -lt 300 ] || echo "  $name request $i answered ${answer//$'\n'/ }" >&2
    done
    sleep 2
    DB=postgres sql "
        select '$name', round(sum(s.calls)::numeric / $SAMPLE, 1),
               round((c.tuples - $tuples)::numeric / $SAMPLE, 1),
               round(pg_wal_lsn_diff(c.lsn, '$lsn') / $SAMPLE),
               round((c.fsyncs - $fsyncs)::numeric / $SAMPLE, 2)
          from pg_stat_statements s join pg_database d on d.oid = s.dbid, ($COUNTERS) c
         where d.datname = '$db'
         group by c.lsn, c.tuples, c.fsyncs" |
        awk '{ printf "  %-15s %5s statements %5s rows written %6s WAL bytes %5s WAL flushes\n", $1, $2, $3, $4, $5 }'
    DB=postgres sql "
        select round(s.calls::numeric / $SAMPLE, 2), round(s.mean_exec_time::numeric, 3) || 'ms',
               left(regexp_replace(s.query, '\s+', ' ', 'g'), 100)
          from pg_stat_statements s join pg_database d on d.oid = s.dbid
         where d.datname = '$db' and s.calls >= $SAMPLE / 2 order by s.calls desc, s.query limit 14" |
        sed 's/^/      /'
}
# WAL position, rows inserted, updated and deleted in both databases, and WAL fsyncs, server-wide.
COUNTERS="select pg_current_wal_lsn() as lsn,
    (select sum(tup_inserted + tup_updated + tup_deleted) from pg_stat_database
      where datname in ('reserva', 'minimal')) as tuples,
    (select sum(fsyncs) from pg_stat_io where object = 'wal') as fsyncs"
for name in create create-keyed minimal-create read minimal-read; do
    if [[ " ${ENDPOINTS[*]} " == *" $name "* ]]; then
        sample "$name" "$([[ $name == minimal-* ]] && echo minimal || echo reserva)"
    fi
done

# --- the race ------------------------------------------------------------------------------------------
echo
RACE_SERVICE=$(call POST /reservation-services '{"name":"Last unit","duration_minutes":60,"slot_interval":15}' | field id)
RACE_RESOURCE=$(call POST /reservation-resources '{"name":"Two courts","resource_type":"room","units":2}' | field id)
call POST /reservation-service-resources \
    "{\"service_id\":\"$RACE_SERVICE\",\"resource_id\":\"$RACE_RESOURCE\",\"assignment_mode\":\"required\"}" > /dev/null
call PUT /reservation-resource-availability/week "{\"resource_id\":\"$RACE_RESOURCE\",\"windows\":[$WEEK]}" > /dev/null
RACE_BODY="{\"service_id\":\"$RACE_SERVICE\",\"party_size\":1,\"start_datetime\":\"$(iso $((FIRST + 3600)))\"}"
call POST /reservations "$RACE_BODY" > /dev/null # the first unit: one is left
racers=()
for i in $(seq 1 64); do racers+=(-o /dev/null "$R/reservations"); done
STATUSES=$(curl -s --no-progress-meter --parallel --parallel-immediate --parallel-max 64 -X POST -H "Authorization: Bearer $ORGKEY" \
    -H 'Content-Type: application/json' -d "$RACE_BODY" -w '%{http_code}\n' "${racers[@]}" | sort | uniq -c |
    awk '{ printf "%s x %s, ", $1, $2 }')
OVERLAPS=$(sql "select count(*) from reservation_allocations a join reservation_allocations b
      on a.organization_id = b.organization_id and a.resource_id = b.resource_id
     and a.unit_index = b.unit_index and a.reservation_id < b.reservation_id and a.occupied && b.occupied")
echo "64-way race for the last unit: ${STATUSES% , } overlapping allocations (whole database): $OVERLAPS"
WINNERS=$(echo "$STATUSES" | grep -o '[0-9]* x 201' | cut -d' ' -f1 || true)
if [ "${WINNERS:-0}" != 1 ] || [ "$OVERLAPS" != 0 ]; then
    echo "RACE FAILED: expected exactly one 201 and zero overlaps"
    exit 1
fi
echo
echo "written to $OUT"

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reservation creates over HTTP against the raw database ceiling, in one run on one server:
 * 1. distinct slots: CLIENTS clients book distinct 15-minute starts for SECONDS seconds;
 * 2. contention: CLIENTS clients race for one start, ROUNDS times (exactly one must win each round);
 * 3. raw ceiling: CLIENTS JDBC connections insert distinct ranges into a table with the same exclusion
 *    constraint as reservation_allocations, autocommit, on the same durable PostgreSQL.
 * Between 1 and 2, for scale, the same clients read one reservation by id over HTTP: the cost of the HTTP
 * stack itself (key check, one query, JSON), which no create can undercut.
 * Run by bench/http-reservations.sh, which starts the server; arguments: BASE_URL PLATFORM_KEY JDBC_URL.
 */
public class ReservationsBenchmark {

    static final int CLIENTS = Integer.getInteger("clients", 16);
    static final int SECONDS = Integer.getInteger("seconds", 20);
    static final int ROUNDS = Integer.getInteger("rounds", 30);
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String platformKey = args[1];
        String jdbcUrl = args[2];

        String org = field(call(base, platformKey, "POST", "/organizations",
                "{\"name\":\"Bench Courts\",\"timezone\":\"UTC\",\"currency\":\"EUR\"}"), ID);
        String key = field(call(base, platformKey, "POST", "/api-keys",
                "{\"organization_id\":\"" + org + "\",\"name\":\"bench\",\"role\":\"admin\"}"),
                Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\""));
        String service = field(call(base, key, "POST", "/reservation-services",
                "{\"name\":\"Court hour\",\"duration_minutes\":15,\"slot_interval\":15}"), ID);
        String court = field(call(base, key, "POST", "/reservation-resources",
                "{\"name\":\"Court\",\"resource_type\":\"room\"}"), ID);
        call(base, key, "POST", "/reservation-service-resources",
                "{\"service_id\":\"" + service + "\",\"resource_id\":\"" + court + "\",\"assignment_mode\":\"required\"}");
        StringBuilder week = new StringBuilder();
        for (int day = 0; day < 7; day++) {
            week.append(day == 0 ? "" : ",").append("{\"day_of_week\":").append(day)
                    .append(",\"start_time\":\"00:00\",\"end_time\":\"00:00\"}");
        }
        call(base, key, "PUT", "/reservation-resource-availability/week",
                "{\"resource_id\":\"" + court + "\",\"windows\":[" + week + "]}");
        Instant first = LocalDate.now(ZoneOffset.UTC).plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();

        // 1. Distinct slots over HTTP.
        AtomicInteger nextSlot = new AtomicInteger();
        Result http = run(SECONDS, () -> {
            Instant start = first.plus(15L * nextSlot.getAndIncrement(), ChronoUnit.MINUTES);
            HttpResponse<String> response = send(base, key, "POST", "/reservations",
                    "{\"service_id\":\"" + service + "\",\"party_size\":1,\"start_datetime\":\"" + start + "\"}");
            return response.statusCode() == 201;
        });
        System.out.printf("HTTP creates, distinct slots, %d clients, %d s: %d created, %.0f creates/s, p50 %.1f ms, p99 %.1f ms, %d failed%n",
                CLIENTS, SECONDS, http.ok, http.perSecond(), http.percentile(50), http.percentile(99), http.failed);

        // For scale: the same clients and HTTP stack reading one reservation by id (key check, one indexed
        // query, JSON out). No create can be cheaper than this on this server.
        String someReservation = field(send(base, key, "GET", "/reservations?$limit=1", "").body(), ID);
        Result read = run(SECONDS, () -> send(base, key, "GET", "/reservations/" + someReservation, "").statusCode() == 200);
        System.out.printf("HTTP one-row read (GET /reservations/{id}), %d clients, %d s: %.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
                CLIENTS, SECONDS, read.perSecond(), read.percentile(50), read.percentile(99));

        // 2. Contention: everyone wants the same start.
        int exactlyOne = 0;
        int conflicts = 0;
        List<Long> contentionNanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int round = 0; round < ROUNDS; round++) {
            Instant start = first.minus(1, ChronoUnit.DAYS).plus(15L * round, ChronoUnit.MINUTES);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> racers = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                racers.add(pool.submit(() -> {
                    go.await();
                    long t0 = System.nanoTime();
                    int status = send(base, key, "POST", "/reservations", "{\"service_id\":\"" + service
                            + "\",\"party_size\":1,\"start_datetime\":\"" + start + "\"}").statusCode();
                    contentionNanos.add(System.nanoTime() - t0);
                    return status;
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Integer> racer : racers) {
                int status = racer.get();
                won += status == 201 ? 1 : 0;
                conflicts += status == 409 ? 1 : 0;
            }
            exactlyOne += won == 1 ? 1 : 0;
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(contentionNanos);
        Collections.sort(sorted);
        long overlaps;
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("""
                    select count(*) from reservation_allocations a join reservation_allocations b
                      on a.organization_id = b.organization_id and a.resource_id = b.resource_id
                     and a.unit_index = b.unit_index and a.reservation_id < b.reservation_id and a.occupied && b.occupied""");
            rs.next();
            overlaps = rs.getLong(1);
        }
        System.out.printf("HTTP contention, %d clients x %d rounds on one start: %d/%d rounds with exactly one 201, %d answered 409, p99 %.1f ms, overlapping allocations: %d%n",
                CLIENTS, ROUNDS, exactlyOne, ROUNDS, conflicts,
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6, overlaps);

        // 3. Raw ceiling: plain JDBC inserts into a table constrained like reservation_allocations.
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_allocations");
            statement.execute("""
                    create table bench_allocations (
                        organization_id uuid not null, reservation_id uuid not null, resource_id uuid not null,
                        unit_index integer not null, assignment_mode text not null, occupied tstzrange not null,
                        primary key (organization_id, reservation_id, resource_id, unit_index),
                        exclude using gist (organization_id with =, resource_id with =, unit_index with =, occupied with &&))""");
        }
        UUID rawOrg = UUID.randomUUID();
        UUID rawResource = UUID.randomUUID();
        AtomicInteger rawSlot = new AtomicInteger();
        ThreadLocal<PreparedStatement> insert = ThreadLocal.withInitial(() -> {
            try {
                return DriverManager.getConnection(jdbcUrl).prepareStatement(
                        "insert into bench_allocations values (?, ?, ?, 0, 'required', tstzrange(?, ?, '[)'))");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Result raw = run(SECONDS, () -> {
            PreparedStatement statement = insert.get();
            Instant start = first.plus(15L * rawSlot.getAndIncrement(), ChronoUnit.MINUTES);
            statement.setObject(1, rawOrg);
            statement.setObject(2, UUID.randomUUID());
            statement.setObject(3, rawResource);
            statement.setObject(4, java.time.OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
            statement.setObject(5, java.time.OffsetDateTime.ofInstant(start.plus(Duration.ofMinutes(15)), ZoneOffset.UTC));
            return statement.executeUpdate() == 1;
        });
        System.out.printf("Raw JDBC inserts into an identical constrained table, %d connections, %d s: %.0f inserts/s, p99 %.1f ms%n",
                CLIENTS, SECONDS, raw.perSecond(), raw.percentile(99));
        System.out.printf("HTTP create path / raw insert ceiling: %.0f%%%n", 100 * http.perSecond() / raw.perSecond());
        System.out.printf("HTTP create path / one-row HTTP read on the same stack: %.0f%%%n",
                100 * http.perSecond() / read.perSecond());
        System.exit(0); // the HTTP client's threads would keep the JVM alive
    }

    interface Operation {
        boolean run() throws Exception;
    }

    record Result(int ok, int failed, double seconds, List<Long> nanos) {
        double perSecond() {
            return ok / seconds;
        }

        double percentile(double p) {
            return nanos.get((int) Math.min(nanos.size() - 1, Math.ceil(nanos.size() * p / 100) - 1)) / 1e6;
        }
    }

    static Result run(int seconds, Operation operation) throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    boolean success = operation.run();
                    nanos.add(System.nanoTime() - t0);
                    (success ? ok : failed).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - began) / 1e9;
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Result(ok.get(), failed.get(), elapsed, sorted);
    }

    static HttpResponse<String> send(String base, String key, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String call(String base, String key, String method, String path, String body) throws Exception {
        HttpResponse<String> response = send(base, key, method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, Pattern pattern) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("not found in " + json);
        }
        return matcher.group(1);
    }
}

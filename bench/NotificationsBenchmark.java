import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reminders falling due at once, sent to a local GreenMail, while bookings keep being made; run by
 * bench/notifications.sh (arguments: CLASSPATH DATA_DIR). Steps:
 * 1. Reserva starts with its senders off; REMINDERS confirmed bookings with an email are made through the API
 *    (each queues a confirmation and a reminder). The confirmations are set aside in SQL (status cancelled), and
 *    the reminders are kept pending but not due yet.
 * 2. Reserva restarts with its senders on. Idle: CREATORS clients make bookings without an email (no message to
 *    send) for IDLE_SECONDS; their latencies are the baseline.
 * 3. Load: every reminder is made due now in one SQL statement (what the clock reaching them would do) and the
 *    nodes are woken; the same clients keep booking until GreenMail has every reminder. Reminders/s is REMINDERS
 *    divided by the time from the first to the last arrival; the create p99 of this window is compared with idle.
 */
public class NotificationsBenchmark {

    static final int REMINDERS = Integer.getInteger("reminders", 10_000);
    static final int CREATORS = Integer.getInteger("creators", 4);
    static final double CREATE_RATE = Double.parseDouble(System.getProperty("create.rate", "10"));
    static String DATA_DIR = "";
    static final int IDLE_SECONDS = Integer.getInteger("idle.seconds", 30);
    static final int PORT = Integer.getInteger("port", 18084);
    static final int DB_PORT = Integer.getInteger("db.port", 15434);
    static final int SMTP_PORT = Integer.getInteger("smtp.port", 13025);
    static final String CONCURRENCY = System.getProperty("concurrency", "16");
    static final String KEY = "rsv_bench-platform-key-0123456789abcdefghijklmnop";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();

    static final List<Process> STARTED = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable failure) {
            failure.printStackTrace();
            STARTED.forEach(Process::destroy);
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        String classpath = args[0];
        Path data = Path.of(args[1]);
        DATA_DIR = data.toString();
        String base = "http://localhost:" + PORT;
        // The driver's own GreenMail logged a line per new mailbox at logback's default level: CPU taken from the
        // two cores the node under test runs on. Warnings only.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));
        smtp.start();

        // 1. Setup with the senders off.
        Process app = start(classpath, data, false);
        String org = field(call(base, KEY, "POST", "/organizations",
                "{\"name\":\"Bench Mail\",\"timezone\":\"UTC\",\"currency\":\"EUR\"}"), ID);
        String key = field(call(base, KEY, "POST", "/api-keys",
                "{\"organization_id\":\"" + org + "\",\"name\":\"bench\",\"role\":\"admin\"}"), SECRET);
        String service = field(call(base, key, "POST", "/reservation-services",
                "{\"name\":\"Dinner\",\"duration_minutes\":60}"), ID);
        // One hall open all day, one booking an hour from the day after tomorrow: concurrent creates never race
        // for one place (that would be a 409, which is the point of the allocation constraint, not of this benchmark).
        String hall = field(call(base, key, "POST", "/reservation-resources",
                "{\"name\":\"Hall\",\"resource_type\":\"room\",\"timezone\":\"UTC\"}"), ID);
        call(base, key, "POST", "/reservation-service-resources",
                "{\"service_id\":\"" + service + "\",\"resource_id\":\"" + hall + "\"}");
        openAllDay(base, key, hall);
        Instant firstStart = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> creates = new ArrayList<>();
        long setup = System.nanoTime();
        for (int i = 0; i < REMINDERS; i++) {
            int n = i;
            Instant start = firstStart.plus(Duration.ofHours(n));
            creates.add(clients.submit(() -> call(base, key, "POST", "/reservations",
                    "{\"service_id\":\"" + service + "\",\"party_size\":2,\"start_datetime\":\"" + start
                            + "\",\"contact\":{\"first_name\":\"Guest " + n + "\",\"email\":\"r" + n + "@bench.example\"}}")));
        }
        for (Future<String> create : creates) {
            create.get();
        }
        System.out.printf("setup: %d bookings with an email made in %.1f s%n", REMINDERS, (System.nanoTime() - setup) / 1e9);
        String password = Files.readString(data.resolve("postgres.password")).strip();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/reserva", "postgres", password)) {
            int set = update(db, "update notifications set status = 'cancelled', next_attempt_at = null,"
                    + " last_error = 'benchmark: not measured' where organization_id = ?::uuid and kind = 'confirmation'", org);
            int parked = update(db, "update notifications set next_attempt_at = now() + interval '10 years'"
                    + " where organization_id = ?::uuid and kind = 'reminder' and status = 'pending'", org);
            System.out.printf("set aside %d confirmations; %d reminders pending, not due yet%n", set, parked);
        }
        stop(app);

        // 2. Idle: senders on, nothing due.
        app = start(classpath, data, true);
        String other = field(call(base, key, "POST", "/reservation-resources",
                "{\"name\":\"Creates\",\"resource_type\":\"court\",\"timezone\":\"UTC\",\"units\":1}"), ID);
        String createService = field(call(base, key, "POST", "/reservation-services",
                "{\"name\":\"Court\",\"duration_minutes\":60}"), ID);
        call(base, key, "POST", "/reservation-service-resources",
                "{\"service_id\":\"" + createService + "\",\"resource_id\":\"" + other + "\"}");
        openAllDay(base, key, other);
        AtomicInteger counter = new AtomicInteger();
        Instant createsFrom = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(400));
        List<Long> idle = run(base, key, createService, createsFrom, counter, Duration.ofSeconds(IDLE_SECONDS), null);
        System.out.printf("idle: %d creates (%.1f/s), p50 %.1f ms, p99 %.1f ms%n", idle.size(), idle.size() / (double) IDLE_SECONDS,
                percentile(idle, 50), percentile(idle, 99));

        // 3. Load: every reminder due now.
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (smtp.getReceivedMessages().length < REMINDERS) {
                try {
                    smtp.waitForIncomingEmail(1000, smtp.getReceivedMessages().length + 1);
                } catch (RuntimeException e) {
                    // keep waiting
                }
            }
            done.set(true);
        });
        long dueAt;
        double[] cpuBefore = cpuSeconds(app);
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + DB_PORT + "/reserva", "postgres", password)) {
            dueAt = System.nanoTime();
            update(db, "update notifications set due_at = now(), next_attempt_at = now() where organization_id = ?::uuid"
                    + " and kind = 'reminder' and status = 'pending'", org);
            db.createStatement().execute("select pg_notify('reserva_notifications', '')");
        }
        watcher.start();
        List<Long> loaded = run(base, key, createService, createsFrom, counter, Duration.ofMinutes(30), done);
        long drained = System.nanoTime();
        double[] cpuAfter = cpuSeconds(app);
        var received = smtp.getReceivedMessages();
        double seconds = (drained - dueAt) / 1e9;
        System.out.printf("load: %d reminders sent in %.1f s from the moment they fell due: %.0f reminders/s%n",
                received.length, seconds, received.length / seconds);
        System.out.printf("load: %d creates meanwhile, p50 %.1f ms, p99 %.1f ms (%.2fx the idle p99)%n",
                loaded.size(), percentile(loaded, 50), percentile(loaded, 99), percentile(loaded, 99) / percentile(idle, 99));
        System.out.printf("load: %.1f creates/s; CPU seconds meanwhile: Reserva's JVM %.1f, its PostgreSQL %.1f, this driver"
                        + " (GreenMail, clients) %.1f, of %.1f available (%d cores)%n",
                loaded.size() / seconds, cpuAfter[0] - cpuBefore[0], cpuAfter[1] - cpuBefore[1], cpuAfter[2] - cpuBefore[2],
                seconds * Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
        stop(app);
        smtp.stop();
        clients.shutdown();
        System.exit(0);
    }

    /**
     * CREATORS clients booking distinct starts until {@code until} passes or {@code done} is set; latencies in µs.
     * With CREATE_RATE above 0 the clients together start CREATE_RATE creates a second on a fixed schedule (each
     * client every CREATORS / CREATE_RATE seconds), wrk2-style: a create's latency counts from the moment it was due
     * to start, so a server that falls behind is charged for the wait it causes, and both sides of an A/B do the same
     * booking work a second. CREATE_RATE=0 lets them run flat out (each starts the next as soon as one answers).
     */
    static List<Long> run(String base, String key, String service, Instant from, AtomicInteger counter, Duration until,
            AtomicBoolean done) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long begin = System.nanoTime();
        long deadline = begin + until.toNanos();
        long interval = CREATE_RATE > 0 ? (long) (1e9 * CREATORS / CREATE_RATE) : 0;
        ExecutorService creators = Executors.newFixedThreadPool(CREATORS);
        for (int c = 0; c < CREATORS; c++) {
            long offset = interval * c / CREATORS;
            creators.submit(() -> {
                long due = begin + offset;
                while (System.nanoTime() < deadline && (done == null || !done.get())) {
                    if (interval > 0) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    Instant start = from.plus(Duration.ofHours(counter.getAndIncrement()));
                    long began = interval > 0 ? due : System.nanoTime();
                    call(base, key, "POST", "/reservations",
                            "{\"service_id\":\"" + service + "\",\"party_size\":2,\"start_datetime\":\"" + start + "\"}");
                    latencies.add((System.nanoTime() - began) / 1000);
                    due += interval;
                }
                return null;
            });
        }
        creators.shutdown();
        creators.awaitTermination(1, TimeUnit.HOURS);
        return new ArrayList<>(latencies);
    }

    /**
     * CPU seconds used so far by Reserva's JVM, by its PostgreSQL (the postmaster and its live backends; a backend that
     * ended is not counted, the pool keeps them), and by this driver; from /proc, so Linux only (NaN elsewhere).
     */
    static double[] cpuSeconds(Process app) {
        double ticks = 100.0; // USER_HZ on Linux
        try {
            double jvm = ticksOf(app.pid()) / ticks;
            double postgres = 0;
            // The embedded PostgreSQL is started through pg_ctl, so it is not below the JVM: its postmaster is the
            // process whose command line names this run's data directory, and the backends are below it.
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    String command;
                    try {
                        command = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                    } catch (java.io.IOException gone) {
                        continue;
                    }
                    if (command.contains("postgres") && command.contains(DATA_DIR) && command.contains("-D")) {
                        long pid = Long.parseLong(proc.getFileName().toString());
                        postgres += ticksOf(pid) / ticks;
                        for (ProcessHandle backend : ProcessHandle.of(pid).map(p -> p.descendants().toList())
                                .orElse(List.of())) {
                            try {
                                postgres += ticksOf(backend.pid()) / ticks;
                            } catch (java.io.IOException gone) {
                                // ended meanwhile
                            }
                        }
                    }
                }
            }
            double driver = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            return new double[] {jvm, postgres, driver};
        } catch (Exception e) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
    }

    static long ticksOf(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    /** Weekly hours 00:00-00:00 (the whole day) on every day of the week. */
    static void openAllDay(String base, String key, String resource) {
        StringBuilder windows = new StringBuilder();
        for (int day = 0; day < 7; day++) {
            windows.append(day == 0 ? "" : ",")
                    .append("{\"day_of_week\":").append(day).append(",\"start_time\":\"00:00\",\"end_time\":\"00:00\"}");
        }
        call(base, key, "PUT", "/reservation-resource-availability/week",
                "{\"resource_id\":\"" + resource + "\",\"windows\":[" + windows + "]}");
    }

    static int update(Connection db, String sql, String org) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, org);
            return statement.executeUpdate();
        }
    }

    static double percentile(List<Long> micros, int p) {
        if (micros.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static Process start(String classpath, Path data, boolean workers) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String opts = System.getProperty("java.opts", "");
        if (!opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", classpath, "io.reserva.ReservaApplication"));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("RESERVA_DATA_DIR", data.toString());
        env.put("RESERVA_PORT", Integer.toString(PORT));
        env.put("RESERVA_EMBEDDED_DATABASE_PORT", Integer.toString(DB_PORT));
        env.put("RESERVA_DEMO", "false");
        env.put("RESERVA_BOOTSTRAP_ADMIN_KEY", KEY);
        env.put("RESERVA_RATE_LIMIT_ENABLED", "false");
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(SMTP_PORT));
        env.put("RESERVA_NOTIFICATIONS_WORKERS", Boolean.toString(workers));
        env.put("RESERVA_NOTIFICATIONS_CONCURRENCY", CONCURRENCY);
        builder.redirectErrorStream(true).redirectOutput(data.resolve("app-" + workers + ".log").toFile());
        Process app = builder.start();
        STARTED.add(app);
        // Migrating a fresh database takes minutes on a shared two-core machine under other builds.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Integer.getInteger("start.minutes", 10));
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + PORT + "/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return app;
                }
            } catch (java.io.IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        app.destroyForcibly();
        throw new IllegalStateException("Reserva did not start; see " + data.resolve("app-" + workers + ".log"));
    }

    static void stop(Process app) throws Exception {
        app.destroy();
        app.waitFor(60, TimeUnit.SECONDS);
    }

    static String call(String base, String key, String method, String path, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, Pattern pattern) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return m.group(1);
    }
}

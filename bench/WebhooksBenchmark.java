import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook delivery on loopback, run by bench/webhooks.sh (arguments: JAR DATA_DIR):
 * 1. throughput: the server starts with delivery workers off; ENDPOINTS endpoints are registered and CONTACTS
 *    contacts created (CONTACTS x ENDPOINTS deliveries queued); the server restarts with workers on and drains
 *    the backlog into a receiver that answers 204 at once; deliveries/s = backlog / (last - first arrival).
 * 2. latency: one endpoint, SAMPLES contacts created one at a time, 50 ms apart; for each, the time from the
 *    client receiving 201 (the commit happened just before) to the receiver answering 2xx, and as an upper bound
 *    from the client sending the request.
 */
public class WebhooksBenchmark {

    static final int ENDPOINTS = Integer.getInteger("endpoints", 10);
    static final int CONTACTS = Integer.getInteger("contacts", 1000);
    static final int SAMPLES = Integer.getInteger("samples", 300);
    static final int PORT = Integer.getInteger("port", 18083);
    static final int RECEIVER_PORT = Integer.getInteger("receiver.port", 18093);
    static final String KEY = "rsv_bench-platform-key-0123456789abcdefghijklmnop";
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern DATA_ID = Pattern.compile("\"data\":\\{\"id\":\"([0-9a-f-]{36})\"");
    static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();

    static final AtomicInteger arrivals = new AtomicInteger();
    static final AtomicLong firstArrival = new AtomicLong();
    static final AtomicLong lastArrival = new AtomicLong();
    static final Map<String, Long> answeredAt = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        Path data = Path.of(args[1]);
        HttpServer receiver = receiver();
        String base = "http://localhost:" + PORT;

        Process app = start(jar, data, false);
        String org = field(call(base, KEY, "POST", "/organizations",
                "{\"name\":\"Bench Hooks\",\"timezone\":\"UTC\",\"currency\":\"EUR\"}"), ID);
        String key = field(call(base, KEY, "POST", "/api-keys",
                "{\"organization_id\":\"" + org + "\",\"name\":\"bench\",\"role\":\"admin\"}"), Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\""));
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < ENDPOINTS; i++) {
            endpoints.add(field(call(base, key, "POST", "/webhook-endpoints",
                    "{\"url\":\"http://127.0.0.1:" + RECEIVER_PORT + "/e" + i + "\"}"), ID));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> creates = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            int n = i;
            creates.add(clients.submit(() -> call(base, key, "POST", "/contacts",
                    "{\"first_name\":\"Guest " + n + "\",\"email\":\"g" + n + "@bench.example\"}")));
        }
        for (Future<String> create : creates) {
            create.get();
        }
        int backlog = CONTACTS * ENDPOINTS;
        System.out.printf("backlog: %d endpoints x %d contacts = %d deliveries queued with workers off%n",
                ENDPOINTS, CONTACTS, backlog);
        stop(app);

        arrivals.set(0);
        app = start(jar, data, true);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (arrivals.get() < backlog && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (lastArrival.get() - firstArrival.get()) / 1e9;
        System.out.printf("throughput: %d deliveries in %.2f s = %.0f deliveries/s (one node, receiver answers 204 at once)%n",
                arrivals.get(), seconds, arrivals.get() / seconds);

        for (int i = 1; i < endpoints.size(); i++) {
            call(base, key, "DELETE", "/webhook-endpoints/" + endpoints.get(i), null);
        }
        Thread.sleep(500);
        List<Double> fromResponse = new ArrayList<>();
        List<Double> fromRequest = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long sent = System.nanoTime();
            String id = field(call(base, key, "POST", "/contacts",
                    "{\"first_name\":\"Paced " + i + "\",\"email\":\"p" + i + "@bench.example\"}"), ID);
            long acknowledged = System.nanoTime();
            long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Long answered;
            while ((answered = answeredAt.get(id)) == null && System.nanoTime() < wait) {
                Thread.onSpinWait();
            }
            if (answered == null) {
                System.out.println("latency: contact " + id + " was not delivered within 10 s");
                continue;
            }
            fromResponse.add(Math.max(0, answered - acknowledged) / 1e6);
            fromRequest.add((answered - sent) / 1e6);
            Thread.sleep(50);
        }
        System.out.printf("latency commit -> receiver 2xx (from the 201 reaching the client), %d samples: median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                fromResponse.size(), percentile(fromResponse, 50), percentile(fromResponse, 99), percentile(fromResponse, 100));
        System.out.printf("latency upper bound (from the request leaving the client): median %.1f ms, p99 %.1f ms%n",
                percentile(fromRequest, 50), percentile(fromRequest, 99));
        stop(app);
        receiver.stop(0);
        clients.shutdown();
        System.exit(0);
    }

    static HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), RECEIVER_PORT), 500);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            long now = System.nanoTime();
            try (OutputStream ignored = exchange.getResponseBody()) {
                // no body
            }
            if (arrivals.getAndIncrement() == 0) {
                firstArrival.set(now);
            }
            lastArrival.set(now);
            Matcher m = DATA_ID.matcher(new String(body, StandardCharsets.UTF_8));
            if (m.find()) {
                answeredAt.putIfAbsent(m.group(1), now);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.start();
        return server;
    }

    static Process start(String jar, Path data, boolean workers) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String opts = System.getProperty("java.opts", "");
        if (!opts.isBlank()) {
            command.addAll(List.of(opts.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("RESERVA_DATA_DIR", data.toString());
        env.put("RESERVA_PORT", Integer.toString(PORT));
        env.put("RESERVA_DEMO", "false");
        env.put("RESERVA_BOOTSTRAP_ADMIN_KEY", KEY);
        env.put("RESERVA_RATE_LIMIT_ENABLED", "false");
        env.put("RESERVA_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
        env.put("RESERVA_WEBHOOKS_WORKERS", Boolean.toString(workers));
        builder.redirectErrorStream(true).redirectOutput(data.resolve("app-" + workers + ".log").toFile());
        Process app = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + PORT + "/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return app;
                }
            } catch (IOException notYet) {
                // keep waiting
            }
            if (!app.isAlive()) {
                throw new IllegalStateException("the server exited; see " + data.resolve("app-" + workers + ".log"));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not start");
    }

    static void stop(Process app) throws InterruptedException {
        app.destroy();
        app.waitFor(60, TimeUnit.SECONDS);
    }

    static String call(String base, String key, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String field(String json, Pattern pattern) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("not found in " + json);
        }
        return m.group(1);
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}

package io.reserva.support;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on loopback, as an integrator would run one: it records what arrives and answers from a
 * script (then 204). Deliveries are verified with the official Standard Webhooks library, not with our code.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as it arrived; header names lower-cased. */
    public record Arrival(Map<String, List<String>> headers, String body, Instant at, long nanos) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        public String id() {
            return header("webhook-id");
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String type() {
            return json().get("type").asString();
        }

        /** Verifies with the Standard Webhooks library; throws if the signature does not hold for this secret. */
        public void verify(String secret) throws Exception {
            new Webhook(secret).verify(body, headers);
        }

        public boolean verifies(String secret) {
            try {
                verify(secret);
                return true;
            } catch (Exception e) {
                return false;
            }
        }
    }

    /** What to answer next: a status, extra headers, and how long to wait first. */
    public record Answer(int status, Map<String, String> headers, long delayMillis) {
        public static Answer of(int status) {
            return new Answer(status, Map.of(), 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer otherwise = Answer.of(204);
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostOpen = new java.util.concurrent.atomic.AtomicInteger();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", exchange -> {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            arrivals.add(
                    new Arrival(headers, new String(bytes, StandardCharsets.UTF_8), Instant.now(), System.nanoTime()));
            Answer answer = script.poll();
            if (answer == null) {
                answer = otherwise;
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), -1);
            try (OutputStream ignored = exchange.getResponseBody()) {
                // no body
            } finally {
                open.decrementAndGet();
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void then(Answer... answers) {
        script.addAll(List.of(answers));
    }

    public void otherwise(Answer answer) {
        otherwise = answer;
    }

    /** The most requests this receiver was answering at once. */
    public int mostAtOnce() {
        return mostOpen.get();
    }

    public List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }

    public List<Arrival> arrivals(Predicate<Arrival> filter) {
        return arrivals.stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} matching requests arrived; fails after {@code timeout}. */
    public List<Arrival> await(int count, Predicate<Arrival> filter, Duration timeout) {
        try {
            return Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> arrivals(filter), matching -> matching.size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + count + " deliveries within " + timeout + ", got "
                    + arrivals(filter).size() + " (all arrivals: " + arrivals.size() + ")");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.reserva.webhooks;

import io.reserva.shared.SecretCipher;
import io.reserva.webhooks.WebhookDeliveryRepository.Claim;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The HTTP side of a delivery: one signed POST per claim, on a pool of its own, with the address checked against
 * the SSRF guard before each attempt (a name may resolve elsewhere by now), a timeout that covers the whole
 * exchange, and redirects never followed. It also keeps count of what is in flight, in total and per endpoint,
 * so one slow receiver holds at most its own share of the pool; a claim counts until its attempt is recorded.
 */
@Component
class DeliverySender {

    static final String USER_AGENT = "Reserva-Webhooks/1";

    /** How much more this node may send: in total, and per endpoint (only endpoints already in flight). */
    record Capacity(int free, int perEndpoint, Map<UUID, Integer> busy, Set<UUID> saturated) {}

    private final AddressGuard guard;
    private final SecretCipher cipher;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient client;
    private final Map<UUID, Integer> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private volatile ExecutorService pool;

    DeliverySender(AddressGuard guard, SecretCipher cipher, WebhookProperties properties, Clock clock) {
        this.guard = guard;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    void start() {
        AtomicInteger counter = new AtomicInteger();
        pool = Executors.newFixedThreadPool(properties.concurrency(), body -> {
            Thread thread = new Thread(body, "webhook-send-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Lets attempts under way finish for a few seconds, then cuts the rest off (they are sent again later). */
    void stop() {
        ExecutorService senders = pool;
        if (senders == null) {
            return;
        }
        senders.shutdown();
        try {
            senders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }

    Capacity capacity() {
        int perEndpoint = properties.concurrencyPerEndpoint();
        Map<UUID, Integer> busy = new HashMap<>();
        Set<UUID> saturated = new HashSet<>();
        inFlightByEndpoint.forEach((endpoint, count) -> {
            int left = perEndpoint - count;
            if (left <= 0) {
                saturated.add(endpoint);
            } else if (left < perEndpoint) {
                busy.put(endpoint, left);
            }
        });
        return new Capacity(properties.concurrency() - inFlight.get(), perEndpoint, busy, saturated);
    }

    /** Sends the claim on the pool; {@code done} gets what the attempt came to. */
    void send(Claim claim, Consumer<DeliveryAttempt> done) {
        inFlight.incrementAndGet();
        inFlightByEndpoint.merge(claim.endpointId(), 1, Integer::sum);
        pool.execute(() -> done.accept(attempt(claim)));
    }

    /** These claims' attempts are recorded: they no longer count as in flight. */
    void finished(Collection<Claim> claims) {
        for (Claim claim : claims) {
            inFlight.decrementAndGet();
            inFlightByEndpoint.computeIfPresent(claim.endpointId(), (endpoint, count) -> count <= 1 ? null : count - 1);
        }
    }

    /** Deliveries attempted by this node since it started (for benchmarks and tests). */
    long attemptsMade() {
        return sent.get();
    }

    /** One HTTP attempt; never throws, every failure is an attempt without an answer. */
    DeliveryAttempt attempt(Claim claim) {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        URI uri;
        try {
            uri = AddressGuard.parse(claim.url());
            guard.addresses(uri);
        } catch (AddressGuard.Refused refused) {
            return DeliveryAttempt.unanswered(
                    claim, started, millisSince(startNanos), "refused: url " + refused.getMessage());
        }
        String body = claim.event().payload();
        long timestamp = started.getEpochSecond();
        String messageId = claim.event().id().toString();
        String signature;
        try {
            String context = WebhookEndpointRepository.secretContext(claim.endpointId());
            signature = WebhookSignatures.sign(cipher.open(claim.secret(), context), messageId, timestamp, body);
            if (claim.previousSecret() != null
                    && claim.previousSecretExpiresAt() != null
                    && claim.previousSecretExpiresAt().isAfter(started)) {
                signature += " "
                        + WebhookSignatures.sign(
                                cipher.open(claim.previousSecret(), context), messageId, timestamp, body);
            }
        } catch (SecretCipher.UnreadableSecretException unreadable) {
            // Nothing is sent unsigned; the attempt fails and is retried, so configuring the key heals it.
            return DeliveryAttempt.unanswered(
                    claim,
                    started,
                    millisSince(startNanos),
                    "not sent: the signing secret cannot be read: " + unreadable.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        CompletableFuture<HttpResponse<Void>> exchange =
                client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> response;
        try {
            response = exchange.get(properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return DeliveryAttempt.unanswered(
                    claim, started, millisSince(startNanos), "timed out after " + properties.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return DeliveryAttempt.unanswered(
                    claim, started, millisSince(startNanos), "interrupted: the node is stopping");
        } catch (ExecutionException e) {
            return DeliveryAttempt.unanswered(claim, started, millisSince(startNanos), describe(e.getCause()));
        } finally {
            sent.incrementAndGet();
        }
        return DeliveryAttempt.answered(
                claim,
                started,
                response.statusCode(),
                millisSince(startNanos),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "timed out: " + cause.getMessage();
        }
        if (cause instanceof ConnectException) {
            return "could not connect" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        if (cause instanceof IOException) {
            return "connection failed: "
                    + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return "failed: " + cause;
    }

    private static int millisSince(long startNanos) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - startNanos) / 1_000_000);
    }
}

package io.reserva.webhooks;

import com.zaxxer.hikari.HikariDataSource;
import io.reserva.webhooks.WebhookDeliveryRepository.Claim;
import io.reserva.webhooks.WebhookDeliveryRepository.Outcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries from this node. Any number of nodes may run it on one database: each claims rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so a row is sent by one node at a time, and the rows of a node that
 * died are taken over when their lease runs out (at least once, never lost).
 *
 * <p>Three threads and a pool: a listener ({@code LISTEN reserva_webhooks} on a connection of its own) wakes the
 * dispatcher when a transaction queued deliveries; the dispatcher also wakes every poll interval for retries that
 * fell due. It claims as much as the node may have in flight (in total, and per endpoint, so one slow receiver
 * holds at most its own share of the pool) and hands each claim to the sending pool. The recorder writes the
 * outcomes in batches.
 */
@Component
class DeliveryWorkers implements SmartLifecycle {

    static final String APPLICATION_NAME = "reserva-webhooks-listener";
    static final String USER_AGENT = "Reserva-Webhooks/1";

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorkers.class);
    private static final int LISTEN_POLL_MILLIS = 500;
    private static final int RECORD_BATCH = 500;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final AddressGuard guard;
    private final WebhookProperties properties;
    private final RetryPolicy retries;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final HttpClient client;

    private final Semaphore wake = new Semaphore(0);
    private final Map<UUID, Integer> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile ExecutorService senders;
    private final List<Thread> threads = new ArrayList<>();

    DeliveryWorkers(
            WebhookDeliveryRepository deliveries,
            WebhookEndpointRepository endpoints,
            AddressGuard guard,
            WebhookProperties properties,
            DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.guard = guard;
        this.properties = properties;
        this.retries = new RetryPolicy(properties.retryFirstDelay(), properties.retryMaxDelay(), properties.retryFor());
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public synchronized void start() {
        if (running || !properties.workers()) {
            return;
        }
        running = true;
        senders = java.util.concurrent.Executors.newFixedThreadPool(properties.concurrency(), daemons("webhook-send"));
        threads.clear();
        threads.add(daemon(this::listen, "webhook-listener"));
        threads.add(daemon(this::dispatch, "webhook-dispatcher"));
        threads.add(daemon(this::recordOutcomes, "webhook-recorder"));
        threads.forEach(Thread::start);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        ExecutorService pool = senders;
        pool.shutdown();
        try {
            // Attempts under way may finish and be recorded; whatever is cut off is sent again after its lease.
            pool.awaitTermination(5, TimeUnit.SECONDS);
            for (Thread thread : threads) {
                thread.interrupt();
                thread.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Deliveries attempted by this node since it started (for benchmarks and tests). */
    long attemptsMade() {
        return sent.get();
    }

    boolean isListening() {
        return listening;
    }

    /** Look for due work now. */
    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void dispatch() {
        while (running) {
            try {
                wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                claimAndSend();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Could not claim webhook deliveries: {}", e.getMessage());
                    pause(properties.pollInterval());
                }
            }
        }
    }

    private void claimAndSend() {
        while (running) {
            int free = properties.concurrency() - inFlight.get();
            if (free <= 0) {
                return;
            }
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
            List<Claim> claims = deliveries.claim(free, perEndpoint, busy, saturated, properties.lease());
            for (Claim claim : claims) {
                inFlight.incrementAndGet();
                inFlightByEndpoint.merge(claim.endpointId(), 1, Integer::sum);
                senders.execute(() -> outcomes.add(attempt(claim)));
            }
            if (claims.size() < free) {
                return;
            }
        }
    }

    /** One HTTP attempt; never throws, every failure is an outcome. */
    Outcome attempt(Claim claim) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        URI uri;
        try {
            uri = AddressGuard.parse(claim.url());
            guard.addresses(uri);
        } catch (AddressGuard.Refused refused) {
            return failure(claim, started, startNanos, null, "refused: url " + refused.getMessage(), null);
        }
        String body = claim.event().payload();
        long timestamp = Instant.now().getEpochSecond();
        String messageId = claim.event().id().toString();
        String signature = WebhookSignatures.sign(claim.secret(), messageId, timestamp, body);
        if (claim.previousSecret() != null
                && claim.previousSecretExpiresAt() != null
                && claim.previousSecretExpiresAt().isAfter(started)) {
            signature += " " + WebhookSignatures.sign(claim.previousSecret(), messageId, timestamp, body);
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
            return failure(claim, started, startNanos, null, "timed out after " + properties.timeout(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.cancel(true);
            return failure(claim, started, startNanos, null, "interrupted: the node is stopping", null);
        } catch (ExecutionException e) {
            return failure(claim, started, startNanos, null, describe(e.getCause()), null);
        } finally {
            sent.incrementAndGet();
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Outcome(claim, started, status, millisSince(startNanos), null, "succeeded", null);
        }
        if (status == 410) {
            return new Outcome(
                    claim,
                    started,
                    status,
                    millisSince(startNanos),
                    "HTTP 410 Gone: endpoint disabled",
                    "failed",
                    null);
        }
        Duration retryAfter = RetryPolicy.parseRetryAfter(
                        response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                .orElse(null);
        String error =
                status >= 300 && status < 400 ? "HTTP " + status + " (redirects are not followed)" : "HTTP " + status;
        return failure(claim, started, startNanos, status, error, retryAfter);
    }

    private Outcome failure(
            Claim claim, Instant started, long startNanos, Integer status, String error, Duration retryAfter) {
        Optional<Duration> next =
                retries.nextDelay(claim.attempt(), claim.deliveryCreatedAt(), Instant.now(), retryAfter);
        return new Outcome(
                claim,
                started,
                status,
                millisSince(startNanos),
                next.isPresent() ? error : error + "; retries exhausted",
                next.isPresent() ? "pending" : "failed",
                next.orElse(null));
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

    private void recordOutcomes() {
        List<Outcome> batch = new ArrayList<>();
        while (running || !outcomes.isEmpty()) {
            try {
                Outcome first = outcomes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                outcomes.drainTo(batch, RECORD_BATCH - 1);
                record(batch);
            } catch (InterruptedException e) {
                if (!outcomes.isEmpty()) {
                    outcomes.drainTo(batch);
                    try {
                        record(batch);
                    } catch (RuntimeException lost) {
                        log.debug("Outcomes not recorded while stopping; their deliveries are retried", lost);
                    }
                }
                return;
            } catch (RuntimeException e) {
                // Not recorded: the leases run out and the deliveries are sent again (at least once).
                log.warn("Could not record {} webhook attempts: {}", batch.size(), e.getMessage());
                release(batch);
                pause(properties.pollInterval());
            } finally {
                batch.clear();
            }
        }
    }

    private void record(List<Outcome> batch) {
        transaction.executeWithoutResult(status -> {
            deliveries.record(batch);
            for (Outcome outcome : batch) {
                if (outcome.statusCode() != null && outcome.statusCode() == 410) {
                    endpoints.disable(outcome.claim().endpointId(), "answered 410 Gone at " + outcome.attemptedAt());
                    deliveries.failPending(outcome.claim().endpointId(), "endpoint disabled: it answered 410 Gone");
                }
            }
        });
        release(batch);
    }

    private void release(List<Outcome> batch) {
        for (Outcome outcome : batch) {
            inFlight.decrementAndGet();
            inFlightByEndpoint.computeIfPresent(
                    outcome.claim().endpointId(), (endpoint, count) -> count <= 1 ? null : count - 1);
        }
        wakeUp();
    }

    private void listen() {
        Duration retry = Duration.ofMillis(500);
        while (running) {
            try (Connection connection = openListenerConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + EventRepository.CHANNEL);
                }
                listening = true;
                retry = Duration.ofMillis(500);
                wakeUp(); // anything queued while nobody listened
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(LISTEN_POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wakeUp();
                    }
                    if (System.nanoTime() - nextCheck > 0) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        nextCheck = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                log.debug("The webhook listener lost its connection ({}); polling until it reconnects", e.getMessage());
                if (!pause(retry)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30)
                        : retry.multipliedBy(2);
            } finally {
                listening = false;
            }
        }
    }

    /** A connection of its own: a pooled one would be retired by the pool, and its LISTEN with it. */
    private Connection openListenerConnection() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari == null) {
            return dataSource.getConnection();
        }
        Properties connectionProperties = new Properties();
        connectionProperties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            connectionProperties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            connectionProperties.setProperty("password", hikari.getPassword());
        }
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("tcpKeepAlive", "true");
        connectionProperties.setProperty("socketTimeout", "60");
        return DriverManager.getConnection(hikari.getJdbcUrl(), connectionProperties);
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return body -> daemon(body, prefix + "-" + counter.incrementAndGet());
    }
}

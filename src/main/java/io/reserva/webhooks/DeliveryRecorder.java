package io.reserva.webhooks;

import io.reserva.webhooks.WebhookDeliveryRepository.Claim;
import io.reserva.webhooks.WebhookDeliveryRepository.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records what the attempts came to, as {@link DeliveryOutcomes} judges them: the delivery moves on, the attempt
 * joins its log, and an endpoint that answered 410 Gone is disabled with every delivery still pending for it.
 * Attempts are written in batches on a thread of its own, so a slow database never holds up the senders.
 */
@Component
class DeliveryRecorder {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRecorder.class);
    private static final int BATCH = 500;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final WebhookProperties properties;
    private final DeliveryOutcomes outcomes;
    private final TransactionTemplate transaction;
    private final BlockingQueue<DeliveryAttempt> attempts = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile Thread thread;

    DeliveryRecorder(
            WebhookDeliveryRepository deliveries,
            WebhookEndpointRepository endpoints,
            WebhookProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.properties = properties;
        this.outcomes = new DeliveryOutcomes(
                new RetryPolicy(properties.retryFirstDelay(), properties.retryMaxDelay(), properties.retryFor()),
                clock);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Queues an attempt for the next batch. */
    void add(DeliveryAttempt attempt) {
        attempts.add(attempt);
    }

    /** Starts writing batches; {@code recorded} hears which claims are done with (recorded, or given up on). */
    synchronized void start(Consumer<List<Claim>> recorded) {
        running = true;
        Thread recorder = new Thread(() -> run(recorded), "webhook-recorder");
        recorder.setDaemon(true);
        thread = recorder;
        recorder.start();
    }

    /** Records what is queued, then stops; what is not recorded is sent again after its lease. */
    synchronized void stop() {
        running = false;
        Thread recorder = thread;
        thread = null;
        if (recorder == null) {
            return;
        }
        recorder.interrupt();
        try {
            recorder.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Consumer<List<Claim>> recorded) {
        List<DeliveryAttempt> batch = new ArrayList<>();
        while (running || !attempts.isEmpty()) {
            try {
                DeliveryAttempt first = attempts.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                attempts.drainTo(batch, BATCH - 1);
                record(batch);
                recorded.accept(claims(batch));
            } catch (InterruptedException e) {
                if (!attempts.isEmpty()) {
                    attempts.drainTo(batch);
                    try {
                        record(batch);
                    } catch (RuntimeException lost) {
                        log.debug("Attempts not recorded while stopping; their deliveries are retried", lost);
                    }
                }
                return;
            } catch (RuntimeException e) {
                // Not recorded: the leases run out and the deliveries are sent again (at least once).
                log.warn("Could not record {} webhook attempts: {}", batch.size(), e.getMessage());
                recorded.accept(claims(batch));
                pause();
            } finally {
                batch.clear();
            }
        }
    }

    private void record(List<DeliveryAttempt> batch) {
        List<Outcome> judged = batch.stream().map(outcomes::of).toList();
        transaction.executeWithoutResult(status -> {
            deliveries.record(judged);
            for (Outcome outcome : judged) {
                if (outcome.statusCode() != null && outcome.statusCode() == 410) {
                    endpoints.disable(outcome.claim().endpointId(), "answered 410 Gone at " + outcome.attemptedAt());
                    deliveries.failPending(outcome.claim().endpointId(), "endpoint disabled: it answered 410 Gone");
                }
            }
        });
    }

    private static List<Claim> claims(List<DeliveryAttempt> batch) {
        return batch.stream().map(DeliveryAttempt::claim).toList();
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.reserva.notifications;

import io.reserva.database.PostgresNotifications;
import io.reserva.notifications.NotificationRepository.Claim;
import io.reserva.notifications.NotificationRepository.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Sends due messages from this node. Any number of nodes may run it on one database: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so each message is sent by one node at a time, and the claims of a
 * node that died are taken over when their lease runs out (a message is never lost; one cut off mid-send may be
 * sent twice, the price of at-least-once).
 *
 * <p>It wakes when a transaction queued messages due now (a notification on {@code reserva_notifications}), when
 * that channel is listened to again after a gap, and every poll interval for reminders and retries that fell due
 * by the injected clock. On start with a mail server configured, it queues again what was stored
 * {@code not_sent} within {@code resend-not-sent-within}.
 */
@Component
class NotificationDispatcher implements SmartLifecycle {

    static final String NO_MAIL_SERVER = "no mail server configured";

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationRepository notifications;
    private final MessageSending sending;
    private final SmsSending sms;
    private final EmailChannel email;
    private final NotificationProperties properties;
    private final PostgresNotifications postgres;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile ExecutorService senders;
    private volatile PostgresNotifications.Subscription subscription;

    NotificationDispatcher(
            NotificationRepository notifications,
            MessageSending sending,
            SmsSending sms,
            EmailChannel email,
            NotificationProperties properties,
            PostgresNotifications postgres,
            Clock clock) {
        this.notifications = notifications;
        this.sending = sending;
        this.sms = sms;
        this.email = email;
        this.properties = properties;
        this.postgres = postgres;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.workers()) {
            return;
        }
        running = true;
        if (email.configured()) {
            resendNotSent();
        } else {
            log.info("No mail server configured (spring.mail.host): guest emails are stored as not_sent");
        }
        senders = Executors.newFixedThreadPool(properties.concurrency(), runnable -> {
            Thread sender = new Thread(runnable, "notification-sender");
            sender.setDaemon(true);
            return sender;
        });
        Thread dispatcher = new Thread(this::dispatch, "notification-dispatcher");
        dispatcher.setDaemon(true);
        thread = dispatcher;
        dispatcher.start();
        subscription = postgres.subscribe(NotificationRepository.CHANNEL, new PostgresNotifications.Subscriber() {
            @Override
            public void notified(String payload) {
                wakeUp();
            }

            @Override
            public void listening() {
                wakeUp(); // anything queued while nobody listened
            }
        });
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        subscription.cancel();
        Thread dispatcher = thread;
        thread = null;
        dispatcher.interrupt();
        try {
            dispatcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A send cut off here is claimed again when its lease runs out.
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Queues again what was stored {@code not_sent} within {@code resend-not-sent-within} and whose booking has
     * not started: a mail server has been configured since. Called on start.
     */
    int resendNotSent() {
        Instant now = clock.instant();
        int requeued = notifications.requeueNotSent(now.minus(properties.resendNotSentWithin()), now);
        if (requeued > 0) {
            log.info("A mail server is configured: sending {} messages stored as not sent", requeued);
            wakeUp();
        }
        return requeued;
    }

    /** Messages this node has had accepted by the mail server since it started. */
    int sentCount() {
        return sent.get();
    }

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
                while (running && claimAndSend()) {
                    // a full batch: there may be more
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Could not send guest notifications: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Sends one batch; true when it was full, so more may be due. */
    private boolean claimAndSend() throws InterruptedException {
        int batch = properties.concurrency() * 4;
        List<Claim> claims = notifications.claim(batch, clock.instant(), properties.lease());
        List<Future<?>> attempts = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            attempts.add(senders.submit(() -> sendOne(claim)));
        }
        for (Future<?> attempt : attempts) {
            try {
                attempt.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("A guest notification attempt failed: {}", e.getCause().toString());
            }
        }
        return claims.size() == batch;
    }

    private void sendOne(Claim claim) {
        Outcome outcome;
        try {
            outcome = "sms".equals(claim.channel()) ? sms.attempt(claim) : sending.attempt(claim);
        } catch (DataAccessException e) {
            // The database is away: the lease brings the message back.
            log.warn("Could not send notification {}: {}", claim.id(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            // A message that cannot even be put together will not be on the next try either.
            log.error("Could not compose notification {}", claim.id(), e);
            outcome = new Outcome(
                    claim, NotificationStatus.FAILED, null, null, "could not compose the message", clock.instant());
        }
        notifications.record(outcome);
        if (outcome.status() == NotificationStatus.SENT) {
            sent.incrementAndGet();
        } else if (outcome.status() == NotificationStatus.NOT_SENT) {
            log.info(
                    "Notification {} ({}) not sent: {}",
                    claim.id(),
                    claim.kind().wire(),
                    outcome.error());
        } else if (outcome.status() != NotificationStatus.SKIPPED) {
            log.info(
                    "Notification {} ({}) {}: {}",
                    claim.id(),
                    claim.kind().wire(),
                    outcome.status().wire(),
                    outcome.error());
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

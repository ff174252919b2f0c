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

    /** Messages one sender thread sends over one connection before the outcomes are recorded. */
    static final int CHUNK = 16;

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

    /**
     * Sends one batch; true when it was full, so more may be due. The batch is cut into one chunk per sender
     * thread; each chunk's emails go over one connection to the mail server and its outcomes are recorded together.
     */
    private boolean claimAndSend() throws InterruptedException {
        int batch = properties.concurrency() * CHUNK;
        List<Claim> claims = notifications.claim(batch, clock.instant(), properties.lease());
        List<Future<?>> chunks = new ArrayList<>();
        for (List<Claim> chunk : chunks(claims, properties.concurrency())) {
            chunks.add(senders.submit(() -> sendChunk(chunk)));
        }
        for (Future<?> chunk : chunks) {
            try {
                chunk.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn(
                        "Guest notifications could not be sent: {}",
                        e.getCause().toString());
            }
        }
        return claims.size() == batch;
    }

    /** The claims cut into at most {@code parts} chunks of neighbours, emails and SMS apart. */
    static List<List<Claim>> chunks(List<Claim> claims, int parts) {
        List<List<Claim>> chunks = new ArrayList<>();
        for (boolean smsChannel : new boolean[] {false, true}) {
            List<Claim> ofChannel = claims.stream()
                    .filter(claim -> "sms".equals(claim.channel()) == smsChannel)
                    .toList();
            int size = Math.max(1, (ofChannel.size() + parts - 1) / parts);
            for (int from = 0; from < ofChannel.size(); from += size) {
                chunks.add(ofChannel.subList(from, Math.min(ofChannel.size(), from + size)));
            }
        }
        return chunks;
    }

    /**
     * Sends a chunk of one channel and records what came of it. A chunk that runs past half the lease gives its
     * remaining claims back (due again at once) rather than risk another node taking them over mid-send.
     */
    private void sendChunk(List<Claim> chunk) {
        Instant deadline = clock.instant().plus(properties.lease().dividedBy(2));
        List<Outcome> outcomes = new ArrayList<>(chunk.size());
        int attempted = 0;
        boolean outOfTime = false;
        try (MessageSending.Run run = "sms".equals(chunk.get(0).channel()) ? null : sending.run(chunk)) {
            for (Claim claim : chunk) {
                if (!running) {
                    break; // stopping: the lease brings the rest back
                }
                if (clock.instant().isAfter(deadline)) {
                    outOfTime = true;
                    break;
                }
                attempted++;
                Outcome outcome = attempt(claim, run);
                if (outcome != null) {
                    outcomes.add(outcome);
                }
            }
        } catch (DataAccessException e) {
            // The database is away: the lease brings the rest back.
            log.warn("Could not send guest notifications: {}", e.getMessage());
        } finally {
            notifications.recordAll(outcomes);
            if (outOfTime) {
                notifications.release(chunk.subList(attempted, chunk.size()), clock.instant());
            }
        }
        for (Outcome outcome : outcomes) {
            logged(outcome);
        }
    }

    /** One attempt; null when the database is away (the lease brings the message back). */
    private Outcome attempt(Claim claim, MessageSending.Run run) {
        try {
            return run == null ? sms.attempt(claim) : run.attempt(claim);
        } catch (DataAccessException e) {
            log.warn("Could not send notification {}: {}", claim.id(), e.getMessage());
            return null;
        } catch (RuntimeException e) {
            // A message that cannot even be put together will not be on the next try either.
            log.error("Could not compose notification {}", claim.id(), e);
            return new Outcome(
                    claim, NotificationStatus.FAILED, null, null, "could not compose the message", clock.instant());
        }
    }

    private void logged(Outcome outcome) {
        Claim claim = outcome.claim();
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

package io.reserva.webhooks;

import io.reserva.database.PostgresNotifications;
import io.reserva.webhooks.WebhookDeliveryRepository.Claim;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries from this node. Any number of nodes may run it on one database: each claims rows with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so a row is sent by one node at a time, and the rows of a node that
 * died are taken over when their lease runs out (at least once, never lost).
 *
 * <p>It wakes when a transaction queued deliveries (a notification on {@code reserva_webhooks}, heard through
 * {@link PostgresNotifications}), when the channel is listened to again after a gap, when an attempt was recorded
 * (room for more), and every poll interval for retries that fell due. It claims as much as the
 * {@link DeliverySender} may have in flight and hands the claims to it; the {@link DeliveryRecorder} writes what
 * they came to.
 */
@Component
class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final WebhookDeliveryRepository deliveries;
    private final DeliverySender sender;
    private final DeliveryRecorder recorder;
    private final WebhookProperties properties;
    private final PostgresNotifications notifications;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile PostgresNotifications.Subscription subscription;

    DeliveryDispatcher(
            WebhookDeliveryRepository deliveries,
            DeliverySender sender,
            DeliveryRecorder recorder,
            WebhookProperties properties,
            PostgresNotifications notifications) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.recorder = recorder;
        this.properties = properties;
        this.notifications = notifications;
    }

    @Override
    public synchronized void start() {
        if (running || !properties.workers()) {
            return;
        }
        running = true;
        sender.start();
        recorder.start(this::recorded);
        Thread dispatcher = new Thread(this::dispatch, "webhook-dispatcher");
        dispatcher.setDaemon(true);
        thread = dispatcher;
        dispatcher.start();
        subscription = notifications.subscribe(EventRepository.CHANNEL, new PostgresNotifications.Subscriber() {
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
        wakeUp();
        // Attempts under way may finish and be recorded; whatever is cut off is sent again after its lease.
        sender.stop();
        Thread dispatcher = thread;
        thread = null;
        dispatcher.interrupt();
        try {
            dispatcher.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Look for due work now. */
    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void recorded(List<Claim> claims) {
        sender.finished(claims);
        wakeUp();
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
                    pause();
                }
            }
        }
    }

    private void claimAndSend() {
        while (running) {
            DeliverySender.Capacity capacity = sender.capacity();
            if (capacity.free() <= 0) {
                return;
            }
            List<Claim> claims = deliveries.claim(
                    capacity.free(), capacity.perEndpoint(), capacity.busy(), capacity.saturated(), properties.lease());
            for (Claim claim : claims) {
                sender.send(claim, recorder::add);
            }
            if (claims.size() < capacity.free()) {
                return;
            }
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

package io.reserva.live;

import io.reserva.database.PostgresNotifications;
import io.reserva.webhooks.EventFeed;
import io.reserva.webhooks.EventFeed.Batch;
import io.reserva.webhooks.EventFeed.FeedEvent;
import io.reserva.webhooks.EventFeed.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's one reader of the events outbox for its open streams. A notification on {@link EventFeed#CHANNEL}
 * (any node's commit), a reconnect of the listener, or the poll interval wakes it; it then reads once, for every
 * organization with a stream on this node, everything after its cursor, and hands each event to that
 * organization's streams. However many notifications came meanwhile, one read follows; subscribers never query.
 *
 * <p>The cursor is a feed position: every event at or before it has been handed out. A stream that registers
 * learns the cursor at that moment (under the same lock the reads take), so it gets every later event live and
 * replays what it missed up to the cursor from the outbox itself: no gap, and overlaps are dropped by position.
 */
@Component
class LiveFanOut {

    private static final Logger log = LoggerFactory.getLogger(LiveFanOut.class);
    private static final int BATCH = 500;
    /** How soon to read again when an event exists that an older, still open transaction holds back. */
    private static final long PENDING_RECHECK_MILLIS = 20;

    private final EventFeed feed;
    private final PostgresNotifications notifications;
    private final LiveProperties properties;
    private final Map<UUID, Set<LiveStream>> streams = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final Semaphore wake = new Semaphore(0);
    private Position cursor = Position.START;
    private volatile boolean pending;
    private long pendingWait = PENDING_RECHECK_MILLIS;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile PostgresNotifications.Subscription subscription;

    LiveFanOut(EventFeed feed, PostgresNotifications notifications, LiveProperties properties) {
        this.feed = feed;
        this.notifications = notifications;
        this.properties = properties;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread reader = new Thread(this::run, "live-fan-out");
        reader.setDaemon(true);
        thread = reader;
        reader.start();
        subscription = notifications.subscribe(EventFeed.CHANNEL, new PostgresNotifications.Subscriber() {
            @Override
            public void notified(String payload) {
                wakeUp();
            }

            @Override
            public void listening() {
                wakeUp(); // anything committed while nobody listened
            }
        });
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        subscription.cancel();
        Thread reader = thread;
        thread = null;
        reader.interrupt();
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Adds a stream and answers the cursor at that moment: from then on the stream is handed every event after
     * it, so it must replay what it wants up to and including the cursor on its own.
     */
    Position register(LiveStream stream) {
        synchronized (lock) {
            if (streams.isEmpty()) {
                // Nobody was listening, so the cursor did not move: bring it to now, or the first stream would be
                // handed everything since the last one closed.
                cursor = cursor.max(feed.now());
            }
            // Added inside compute: a set emptied by a closing stream at the same moment is never joined after its
            // removal.
            streams.compute(stream.organizationId(), (org, set) -> {
                Set<LiveStream> joined = set == null ? ConcurrentHashMap.newKeySet() : set;
                joined.add(stream);
                return joined;
            });
            return cursor;
        }
    }

    void unregister(LiveStream stream) {
        streams.computeIfPresent(stream.organizationId(), (org, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    List<LiveStream> all() {
        List<LiveStream> all = new ArrayList<>();
        streams.values().forEach(all::addAll);
        return all;
    }

    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (running) {
            try {
                long wait = properties.pollInterval().toMillis();
                if (pending) {
                    // Held back by an older open transaction: look again soon, less often the longer it stays open.
                    wait = Math.min(wait, pendingWait);
                    pendingWait =
                            Math.min(pendingWait * 2, properties.pollInterval().toMillis());
                } else {
                    pendingWait = PENDING_RECHECK_MILLIS;
                }
                wake.tryAcquire(wait, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (!running) {
                    return;
                }
                readAndHandOut();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Could not read new events for live streams: {}", e.getMessage());
                    pending = false;
                    pause();
                }
            }
        }
    }

    private void readAndHandOut() {
        synchronized (lock) {
            List<UUID> organizations = List.copyOf(streams.keySet());
            if (organizations.isEmpty()) {
                pending = false;
                return;
            }
            while (running) {
                Batch batch = feed.read(cursor, organizations, BATCH);
                for (FeedEvent event : batch.events()) {
                    Set<LiveStream> receivers = streams.get(event.organizationId());
                    if (receivers != null) {
                        receivers.forEach(stream -> stream.offer(event));
                    }
                    cursor = event.position();
                }
                if (batch.events().size() < BATCH) {
                    cursor = cursor.max(batch.safePosition());
                    pending = batch.pending();
                    return;
                }
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

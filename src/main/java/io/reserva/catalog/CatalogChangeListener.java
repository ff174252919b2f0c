package io.reserva.catalog;

import io.reserva.database.PostgresNotifications;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hears the catalog changes any node commits (channel {@code reserva_catalog}, on this node's one
 * {@link PostgresNotifications} connection) and drops the changed organization from this node's {@link Catalog}
 * cache.
 *
 * <p>Notifications sent while nobody listened are lost, so the whole cache is cleared whenever the connection is
 * lost and again when the channel is listened to once more.
 */
@Component
class CatalogChangeListener implements PostgresNotifications.Subscriber {

    private static final Logger log = LoggerFactory.getLogger(CatalogChangeListener.class);

    private final Catalog catalog;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean listening;
    private volatile String lastPayload;

    CatalogChangeListener(Catalog catalog, PostgresNotifications notifications) {
        this.catalog = catalog;
        notifications.subscribe(CatalogChanges.CHANNEL, this);
    }

    @Override
    public void listening() {
        // Changes committed while nobody listened were announced to no one.
        catalog.invalidateAll();
        connections.incrementAndGet();
        listening = true;
    }

    @Override
    public void deaf() {
        listening = false;
        catalog.invalidateAll();
    }

    @Override
    public void notified(String payload) {
        try {
            drop(payload);
        } finally {
            lastPayload = payload;
        }
    }

    /** Whether the channel is listened to on a live connection. */
    boolean isListening() {
        return listening;
    }

    /** How many times the channel has been listened to (after a reconnect, once more). */
    int connections() {
        return connections.get();
    }

    /**
     * The payload of the last notification handled. Notifications arrive in commit order, so once a marker sent
     * after some commits shows up here, those commits' notifications have been handled too.
     */
    String lastPayload() {
        return lastPayload;
    }

    private void drop(String payload) {
        if ("*".equals(payload)) {
            catalog.invalidateAll();
            return;
        }
        try {
            catalog.invalidate(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            log.debug("Ignored a catalog notification that names no organization: {}", payload);
        }
    }
}

package io.reserva.webhooks;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes events older than the retention (30 days by default) with their deliveries and attempts, then the
 * stored objects they pointed at, in batches so no statement holds locks for long. Every node runs it; deleting
 * the same old rows twice is harmless.
 */
@Component
class EventPurger {

    private static final Logger log = LoggerFactory.getLogger(EventPurger.class);
    private static final int BATCH = 5_000;

    private final EventRepository events;
    private final WebhookProperties properties;
    private final Clock clock;

    EventPurger(EventRepository events, WebhookProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reserva.webhooks.purge-interval:PT1H}", initialDelayString = "PT1M")
    void purge() {
        purgeOlderThan(clock.instant().minus(properties.eventRetention()));
    }

    int purgeOlderThan(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = events.purge(cutoff, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        // Only now: an object outlives none of its events, and those before the cutoff are gone.
        do {
            deleted = events.purgeData(cutoff, BATCH);
        } while (deleted == BATCH);
        if (total > 0) {
            log.info("Deleted {} events older than {}", total, cutoff);
        }
        return total;
    }
}

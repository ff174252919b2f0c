package io.reserva.waitlist;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the entries whose day has passed: a party still {@code waiting}, {@code offered} or {@code checked_in}
 * once the venue's day is over will not be seated from this list, so it moves to {@code expired} (with its
 * event, and an open offer's hold let go). Runs every few minutes on every node; the entry's row lock makes a
 * second node's attempt find it already expired.
 */
@Component
class WaitlistExpirySweeper {

    private static final Logger log = LoggerFactory.getLogger(WaitlistExpirySweeper.class);

    private final WaitlistRepository entries;
    private final WaitlistManagement management;
    private final Clock clock;

    WaitlistExpirySweeper(WaitlistRepository entries, WaitlistManagement management, Clock clock) {
        this.entries = entries;
        this.management = management;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reserva.waitlist.expiry-sweep-interval:PT5M}", initialDelayString = "PT1M")
    void sweep() {
        // Candidates by UTC's date plus a day (no zone is further ahead); each organization's own day decides.
        var bound = clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        for (UUID organizationId : entries.organizationsWithActiveBefore(bound)) {
            try {
                int expired = management.expirePassedDays(organizationId);
                if (expired > 0) {
                    log.debug(
                            "Expired {} waitlist entries of organization {} whose day passed", expired, organizationId);
                }
            } catch (RuntimeException e) {
                log.warn("Could not expire the passed waitlist entries of organization {}", organizationId, e);
            }
        }
    }
}

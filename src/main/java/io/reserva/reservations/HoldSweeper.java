package io.reserva.reservations;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks lapsed holds expired every few seconds, so lists show the truth. Correctness never waits for it: a
 * lapsed hold already blocks nothing, and bookings expire the holds in their way themselves.
 */
@Component
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final ReservationRepository reservations;
    private final ReservationManagement management;
    private final Clock clock;

    HoldSweeper(ReservationRepository reservations, ReservationManagement management, Clock clock) {
        this.reservations = reservations;
        this.management = management;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reserva.reservations.hold-sweep-interval:PT10S}", initialDelayString = "PT10S")
    void sweep() {
        for (UUID organizationId : reservations.organizationsWithLapsedHolds(clock.instant())) {
            int expired = management.expireLapsedHolds(organizationId).size();
            if (expired > 0) {
                log.debug("Expired {} lapsed holds of organization {}", expired, organizationId);
            }
        }
    }
}

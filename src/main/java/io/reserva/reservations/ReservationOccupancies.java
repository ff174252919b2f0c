package io.reserva.reservations;

import io.reserva.availability.Occupancy;
import io.reserva.availability.OccupancySource;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Gives the slot engine what the stored reservations occupy. */
@Component
class ReservationOccupancies implements OccupancySource {

    private final ReservationRepository reservations;
    private final Clock clock;

    ReservationOccupancies(ReservationRepository reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public List<Occupancy> between(UUID organizationId, Instant from, Instant to) {
        return reservations.occupancies(organizationId, from, to, clock.instant());
    }
}

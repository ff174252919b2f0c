package io.reserva.reservations;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reserva.availability.Occupancy;
import io.reserva.availability.OccupancySource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives the slot engine what the stored reservations occupy. Questions (the slots list) may be answered from
 * a cache at most {@link #RECENT} old: a change on this node clears its organization at once, a change on
 * another node is seen within that second. Bookings always read the database.
 */
@Component
class ReservationOccupancies implements OccupancySource {

    static final Duration RECENT = Duration.ofSeconds(1);

    private record Window(UUID organizationId, Instant from, Instant to) {}

    private final ReservationRepository reservations;
    private final Clock clock;
    private final Cache<Window, List<Occupancy>> recent =
            Caffeine.newBuilder().expireAfterWrite(RECENT).maximumSize(5_000).build();

    ReservationOccupancies(ReservationRepository reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    public List<Occupancy> between(UUID organizationId, Instant from, Instant to) {
        return reservations.occupancies(organizationId, from, to, clock.instant());
    }

    @Override
    public List<Occupancy> recent(UUID organizationId, Instant from, Instant to) {
        return recent.get(new Window(organizationId, from, to), window -> between(organizationId, from, to));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void created(ReservationEvents.ReservationCreated event) {
        forget(event.reservation().organizationId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void updated(ReservationEvents.ReservationUpdated event) {
        forget(event.reservation().organizationId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void statusChanged(ReservationEvents.ReservationStatusChanged event) {
        forget(event.reservation().organizationId());
    }

    private void forget(UUID organizationId) {
        recent.asMap().keySet().removeIf(window -> window.organizationId().equals(organizationId));
    }
}

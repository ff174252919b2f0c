package io.reserva.availability;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One allocation row of an occupying reservation (held and unexpired, pending, confirmed or seated).
 *
 * <p>A reservation holding several resources or units appears once per unit; one without resources appears
 * once with a null resource. {@code occupiedFrom}/{@code occupiedUntil} include that reservation's buffers.
 */
public record Occupancy(
        UUID reservationId,
        UUID serviceId,
        UUID resourceId,
        int unitIndex,
        Instant start,
        Instant end,
        Instant occupiedFrom,
        Instant occupiedUntil,
        int partySize) {

    public Occupancy {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(occupiedFrom, "occupiedFrom");
        Objects.requireNonNull(occupiedUntil, "occupiedUntil");
        if (unitIndex < 0) {
            throw new IllegalArgumentException("unitIndex must not be negative");
        }
        if (occupiedFrom.isAfter(start) || occupiedUntil.isBefore(end) || !start.isBefore(end)) {
            throw new IllegalArgumentException("occupied interval must contain a non-empty reservation interval");
        }
    }
}

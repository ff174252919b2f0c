package io.reserva.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the occupying reservations come from: the module that stores bookings implements this. Until one is
 * present, nothing is booked, so nothing occupies a resource.
 */
public interface OccupancySource {

    /**
     * Every occupancy of the organization whose occupied interval (buffers included) overlaps [from, to), read
     * now. The booking path uses this: it decides inside its transaction.
     */
    List<Occupancy> between(UUID organizationId, Instant from, Instant to);

    /**
     * The same, possibly from a cache a moment old, for answering questions (the slots list). A booking never
     * relies on it.
     */
    default List<Occupancy> recent(UUID organizationId, Instant from, Instant to) {
        return between(organizationId, from, to);
    }
}

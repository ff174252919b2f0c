package io.reserva.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the occupying reservations come from: the module that stores bookings implements this. Until one is
 * present, nothing is booked, so nothing occupies a resource.
 */
public interface OccupancySource {

    /** Every occupancy of the organization whose occupied interval (buffers included) overlaps [from, to). */
    List<Occupancy> between(UUID organizationId, Instant from, Instant to);
}

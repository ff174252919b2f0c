package io.reserva.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bookable start for the asked party size.
 *
 * @param remainingCapacity separate seating: parties of this size that could still start here (counting stops
 *     at 100); shared seating: seats left; null means unlimited
 * @param resourceIds resources that could be assigned: the ones the engine would choose first, then other
 *     free candidates of any_available groups in best-fit order
 */
public record AvailableSlot(Instant start, Instant end, Integer remainingCapacity, List<UUID> resourceIds) {

    public AvailableSlot {
        resourceIds = List.copyOf(resourceIds);
    }
}

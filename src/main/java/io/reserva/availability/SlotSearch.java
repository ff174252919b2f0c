package io.reserva.availability;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A question to the slots endpoint: one service, a party size, one local date or a range of them (service time
 * zone), optionally one resource or one area.
 */
public record SlotSearch(
        UUID organizationId,
        UUID serviceId,
        LocalDate startDate,
        LocalDate endDate,
        int partySize,
        UUID resourceId,
        UUID areaId,
        boolean singleDate) {

    /** A question for the whole floor. */
    public SlotSearch(
            UUID organizationId,
            UUID serviceId,
            LocalDate startDate,
            LocalDate endDate,
            int partySize,
            UUID resourceId,
            boolean singleDate) {
        this(organizationId, serviceId, startDate, endDate, partySize, resourceId, null, singleDate);
    }
}

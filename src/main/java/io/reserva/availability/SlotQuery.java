package io.reserva.availability;

import java.util.Objects;
import java.util.UUID;

/**
 * A question for the slots of one party size, optionally only those a given resource or area can serve.
 *
 * @param resourceId when set, only starts where this resource is one of the allocated resources
 * @param areaId when set, only starts where a booking preferring this area is seated wholly in it
 */
public record SlotQuery(ScheduleSnapshot schedule, int partySize, UUID resourceId, UUID areaId) {

    public SlotQuery {
        Objects.requireNonNull(schedule, "schedule");
        if (partySize < 1) {
            throw new IllegalArgumentException("partySize must be at least 1");
        }
    }

    public SlotQuery(ScheduleSnapshot schedule, int partySize, UUID resourceId) {
        this(schedule, partySize, resourceId, null);
    }

    public static SlotQuery forParty(ScheduleSnapshot schedule, int partySize) {
        return new SlotQuery(schedule, partySize, null);
    }
}

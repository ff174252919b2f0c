package io.reserva.availability;

import java.util.Objects;
import java.util.UUID;

/**
 * A question for the slots of one party size, optionally only those a given resource can serve.
 *
 * @param resourceId when set, only starts where this resource is one of the allocated resources
 */
public record SlotQuery(ScheduleSnapshot schedule, int partySize, UUID resourceId) {

    public SlotQuery {
        Objects.requireNonNull(schedule, "schedule");
        if (partySize < 1) {
            throw new IllegalArgumentException("partySize must be at least 1");
        }
    }

    public static SlotQuery forParty(ScheduleSnapshot schedule, int partySize) {
        return new SlotQuery(schedule, partySize, null);
    }
}

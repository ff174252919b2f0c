package io.reserva.availability;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A request to place one party at one start instant.
 *
 * @param preferredResourceId honoured when that resource is a free candidate; never a reason to refuse
 * @param preferredAreaId the guest's seating preference: honoured when the party fits in that area, otherwise the
 *     party goes elsewhere and the allocation says the preference was not met; never a reason to refuse
 */
public record BookingRequest(
        ScheduleSnapshot schedule, Instant start, int partySize, UUID preferredResourceId, UUID preferredAreaId) {

    public BookingRequest {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(start, "start");
        if (partySize < 1) {
            throw new IllegalArgumentException("partySize must be at least 1");
        }
    }

    public BookingRequest(ScheduleSnapshot schedule, Instant start, int partySize, UUID preferredResourceId) {
        this(schedule, start, partySize, preferredResourceId, null);
    }

    public static BookingRequest of(ScheduleSnapshot schedule, Instant start, int partySize) {
        return new BookingRequest(schedule, start, partySize, null);
    }
}

package io.reserva.availability;

/** Why a day offers nothing; checked in the order declared here, the first that holds is given. */
public enum DayReason {
    /** No start of the day lies inside the service's booking window (too soon or too far ahead). */
    OUTSIDE_BOOKING_WINDOW("outside_booking_window"),
    /** The party exceeds the service's maximum, a shared slot's seats, or every fitting resource's capacity. */
    PARTY_TOO_LARGE("party_too_large"),
    /** The party is below the service's minimum or every otherwise fitting resource's minimum. */
    PARTY_TOO_SMALL("party_too_small"),
    /** Even with no reservations at all nothing could start: no open hours, blocked, or the service is inactive. */
    CLOSED("closed"),
    /** Starts exist in open hours but existing reservations take every one. */
    FULLY_BOOKED("fully_booked");

    private final String code;

    DayReason(String code) {
        this.code = code;
    }

    /** The snake_case value used on the wire. */
    public String code() {
        return code;
    }
}

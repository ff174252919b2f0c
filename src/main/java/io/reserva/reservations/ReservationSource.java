package io.reserva.reservations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** Where a reservation came from. */
public enum ReservationSource implements WireEnum {
    MANUAL,
    API,
    BOOKING_PAGE,
    AI_ASSISTANT,
    GOOGLE,
    WALK_IN,
    /** Seated from the waitlist, or an accepted waitlist offer. */
    WAITLIST;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static ReservationSource fromWire(String wire) {
        return WireEnum.parse(ReservationSource.class, wire);
    }
}

package io.reserva.waitlist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** How the guest joined; every source but walk_in is remote and needs a phone number to reach the guest. */
public enum WaitlistEntrySource implements WireEnum {
    WALK_IN,
    PHONE,
    MANUAL,
    API,
    BOOKING_PAGE,
    AI_ASSISTANT,
    GOOGLE;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static WaitlistEntrySource fromWire(String wire) {
        return WireEnum.parse(WaitlistEntrySource.class, wire);
    }
}

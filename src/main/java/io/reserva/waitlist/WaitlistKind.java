package io.reserva.waitlist;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** Which queue: at the door now, or a start on a later day (a date and a desired window). */
public enum WaitlistKind implements WireEnum {
    NOW,
    LATER;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static WaitlistKind fromWire(String wire) {
        return WireEnum.parse(WaitlistKind.class, wire);
    }
}

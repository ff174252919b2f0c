package io.reserva.reservations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** Who cancelled: the venue, the guest (bound by the service's cancellation policy), or the system. */
public enum CancelledBy implements WireEnum {
    ORGANIZATION,
    CONTACT,
    SYSTEM;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static CancelledBy fromWire(String wire) {
        return WireEnum.parse(CancelledBy.class, wire);
    }
}

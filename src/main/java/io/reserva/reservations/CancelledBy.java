package io.reserva.reservations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Who cancelled: the venue, the guest (bound by the service's cancellation policy), or the system. */
public enum CancelledBy {
    ORGANIZATION,
    CONTACT,
    SYSTEM;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static CancelledBy fromWire(String wire) {
        return Arrays.stream(values())
                .filter(by -> by.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of organization, contact, system"));
    }
}

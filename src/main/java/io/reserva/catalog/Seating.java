package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How parties that start at the same time are seated. */
public enum Seating {
    /** Each party gets its own resources. */
    SEPARATE,
    /** Parties at the same start share one allocation, as in a class or a tour. */
    SHARED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Seating fromWire(String wire) {
        return Arrays.stream(values())
                .filter(value -> value.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of separate, shared"));
    }
}

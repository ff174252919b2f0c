package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** How parties that start at the same time are seated. */
public enum Seating implements WireEnum {
    /** Each party gets its own resources. */
    SEPARATE,
    /** Parties at the same start share one allocation, as in a class or a tour. */
    SHARED;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static Seating fromWire(String wire) {
        return WireEnum.parse(Seating.class, wire);
    }
}

package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** What an exception does to its date. */
public enum ExceptionType {
    /** Closed all day. */
    BLOCKED,
    /** Open only between start_time and end_time that day, instead of the weekly hours. */
    SPECIAL_HOURS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ExceptionType fromWire(String wire) {
        return Arrays.stream(values())
                .filter(value -> value.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of blocked, special_hours"));
    }
}

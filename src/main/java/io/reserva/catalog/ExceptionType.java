package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** What an exception does to its date. */
public enum ExceptionType implements WireEnum {
    /** Closed all day. */
    BLOCKED,
    /** Open only between start_time and end_time that day, instead of the weekly hours. */
    SPECIAL_HOURS;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static ExceptionType fromWire(String wire) {
        return WireEnum.parse(ExceptionType.class, wire);
    }
}

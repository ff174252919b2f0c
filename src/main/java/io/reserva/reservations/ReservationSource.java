package io.reserva.reservations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Where a reservation came from. */
public enum ReservationSource {
    MANUAL,
    API,
    BOOKING_PAGE,
    AI_ASSISTANT,
    GOOGLE,
    WALK_IN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReservationSource fromWire(String wire) {
        return Arrays.stream(values())
                .filter(source -> source.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be one of manual, api, booking_page, ai_assistant, google, walk_in"));
    }
}

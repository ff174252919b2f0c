package io.reserva.bookingpages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Which services a booking link offers. */
public enum BookingLinkMode {
    /** Every public, active service of the organization. */
    ALL_SERVICES,
    /** Exactly one service, {@code service_id}. */
    SINGLE_SERVICE,
    /** The services listed in {@code page_config.booking_service_ids}. */
    SELECTED_SERVICES;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BookingLinkMode fromWire(String wire) {
        return Arrays.stream(values())
                .filter(mode -> mode.wire().equals(wire))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("must be one of all_services, single_service, selected_services"));
    }
}

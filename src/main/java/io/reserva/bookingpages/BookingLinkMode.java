package io.reserva.bookingpages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** Which services a booking link offers. */
public enum BookingLinkMode implements WireEnum {
    /** Every public, active service of the organization. */
    ALL_SERVICES,
    /** Exactly one service, {@code service_id}. */
    SINGLE_SERVICE,
    /** The services listed in {@code page_config.booking_service_ids}. */
    SELECTED_SERVICES;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static BookingLinkMode fromWire(String wire) {
        return WireEnum.parse(BookingLinkMode.class, wire);
    }
}

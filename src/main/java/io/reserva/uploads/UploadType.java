package io.reserva.uploads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;
import java.util.Optional;

/** What an uploaded image is for; it names the folder the file goes to. */
public enum UploadType implements WireEnum {
    RESERVATION_SERVICE_IMAGE("reservation-service-image"),
    BOOKING_LINK_LOGO("booking-link-logo"),
    BOOKING_LINK_COVER("booking-link-cover");

    private final String wire;

    UploadType(String wire) {
        this.wire = wire;
    }

    @Override
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static UploadType fromWire(String wire) {
        return WireEnum.parse(UploadType.class, wire);
    }

    static Optional<UploadType> find(String wire) {
        return WireEnum.find(UploadType.class, wire);
    }
}

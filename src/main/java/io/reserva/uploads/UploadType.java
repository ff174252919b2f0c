package io.reserva.uploads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** What an uploaded image is for; it names the folder the file goes to. */
public enum UploadType {
    RESERVATION_SERVICE_IMAGE("reservation-service-image"),
    BOOKING_LINK_LOGO("booking-link-logo"),
    BOOKING_LINK_COVER("booking-link-cover");

    private final String wire;

    UploadType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static UploadType fromWire(String wire) {
        return find(wire)
                .orElseThrow(() -> new IllegalArgumentException(
                        "must be one of reservation-service-image, booking-link-logo, booking-link-cover"));
    }

    static Optional<UploadType> find(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }
}

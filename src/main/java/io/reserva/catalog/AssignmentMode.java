package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a service uses a linked resource. */
public enum AssignmentMode {
    /** This resource must be free, and it is allocated. */
    REQUIRED,
    /** Allocated when free; never blocks a booking. */
    OPTIONAL,
    /** The link's resource stands for its resource_type: any active resource of that type may be used. */
    ANY_AVAILABLE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AssignmentMode fromWire(String wire) {
        return Arrays.stream(values())
                .filter(value -> value.wire().equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of required, optional, any_available"));
    }
}

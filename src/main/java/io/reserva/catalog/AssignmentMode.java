package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;

/** How a service uses a linked resource. */
public enum AssignmentMode implements WireEnum {
    /** This resource must be free, and it is allocated. */
    REQUIRED,
    /** Allocated when free; never blocks a booking. */
    OPTIONAL,
    /** The link's resource stands for its resource_type: any active resource of that type may be used. */
    ANY_AVAILABLE;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static AssignmentMode fromWire(String wire) {
        return WireEnum.parse(AssignmentMode.class, wire);
    }
}

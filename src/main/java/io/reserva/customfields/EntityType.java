package io.reserva.customfields;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;
import java.util.Optional;

/** The kind of record a custom field describes. */
public enum EntityType implements WireEnum {
    RESERVATION,
    CONTACT;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    public static Optional<EntityType> fromWire(String wire) {
        return WireEnum.find(EntityType.class, wire);
    }
}

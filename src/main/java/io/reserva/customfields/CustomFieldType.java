package io.reserva.customfields;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;
import java.util.Optional;

/** What kind of answer a custom field takes; each type has its own value rule. */
public enum CustomFieldType implements WireEnum {
    TEXT,
    TEXTAREA,
    NUMBER,
    BOOLEAN,
    DATE,
    SELECT,
    MULTISELECT,
    EMAIL,
    PHONE,
    URL;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    /** Select and multiselect choose from the field's options; no other type has options. */
    public boolean hasOptions() {
        return this == SELECT || this == MULTISELECT;
    }

    public static Optional<CustomFieldType> fromWire(String wire) {
        return WireEnum.find(CustomFieldType.class, wire);
    }
}

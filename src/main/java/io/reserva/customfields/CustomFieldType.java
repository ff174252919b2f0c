package io.reserva.customfields;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of answer a custom field takes; each type has its own value rule. */
public enum CustomFieldType {
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

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Select and multiselect choose from the field's options; no other type has options. */
    public boolean hasOptions() {
        return this == SELECT || this == MULTISELECT;
    }

    public static Optional<CustomFieldType> fromWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire().equals(wire)).findFirst();
    }
}

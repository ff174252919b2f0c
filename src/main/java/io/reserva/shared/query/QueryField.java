package io.reserva.shared.query;

import java.util.Set;

/**
 * One field a list may be filtered and sorted on: its name on the wire, the SQL expression behind it, its type,
 * and, for enumerations, the values it can take.
 */
public record QueryField(
        String name, String column, FieldType type, boolean nullable, boolean sortable, Set<String> allowedValues) {

    public QueryField {
        allowedValues = Set.copyOf(allowedValues);
    }

    Object parseValue(String raw) {
        if (!allowedValues.isEmpty() && !allowedValues.contains(raw)) {
            throw new IllegalArgumentException("must be one of "
                    + String.join(", ", allowedValues.stream().sorted().toList()));
        }
        return type.parse(raw);
    }
}

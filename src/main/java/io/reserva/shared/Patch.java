package io.reserva.shared;

import java.util.Set;

/**
 * A partial update: the request body bound to its type, plus the fields the client actually sent. Only those
 * change; a field sent as {@code null} is cleared, a field left out is kept. (JSON's absent and null look the
 * same once bound to a record, hence the explicit set.)
 */
public record Patch<T>(T values, Set<String> fields) {

    public Patch {
        fields = Set.copyOf(fields);
    }

    public boolean has(String field) {
        return fields.contains(field);
    }

    /** The new value when the field was sent, else the current one. */
    public <V> V valueOr(String field, V sent, V current) {
        return has(field) ? sent : current;
    }
}

package io.reserva.reservations;

/**
 * One field of a partial update: whether the client sent it, and the value it sent (null clears). The wire name
 * goes along only to name the field in errors and in an update's {@code changed_fields}.
 */
record Sent<T>(String field, boolean isSent, T value) {

    static <T> Sent<T> of(String field, T value) {
        return new Sent<>(field, true, value);
    }

    static <T> Sent<T> absent(String field) {
        return new Sent<>(field, false, null);
    }

    /** The value sent, else the current one. */
    T or(T current) {
        return isSent ? value : current;
    }

    boolean isSentAsNull() {
        return isSent && value == null;
    }
}

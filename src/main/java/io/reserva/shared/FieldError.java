package io.reserva.shared;

/** One invalid input: the field as the client named it (snake_case, dotted for nesting) and why. */
public record FieldError(String field, String message) {}

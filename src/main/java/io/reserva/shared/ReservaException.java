package io.reserva.shared;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A failure the client should hear about, with a stable {@link ErrorCode}; one advice turns it into RFC 9457.
 */
public class ReservaException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ReservaException(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public ReservaException(ErrorCode code, String detail, List<FieldError> errors) {
        this(code, detail, errors, Map.of());
    }

    public ReservaException(ErrorCode code, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ReservaException notFound(String what, UUID id) {
        return new ReservaException(ErrorCode.NOT_FOUND, what + " " + id + " was not found");
    }

    public static ReservaException invalidField(String field, String message) {
        return new ReservaException(
                ErrorCode.VALIDATION_FAILED, field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** Throws {@code validation_failed} listing every error, if there are any. */
    public static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ReservaException(
                    ErrorCode.VALIDATION_FAILED,
                    String.join(
                            "; ",
                            errors.stream()
                                    .map(e -> e.field() + " " + e.message())
                                    .toList()),
                    errors);
        }
    }

    public static ReservaException forbidden(String detail) {
        return new ReservaException(ErrorCode.FORBIDDEN, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra members of the problem body, e.g. the nearest free start times of a refused booking. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}

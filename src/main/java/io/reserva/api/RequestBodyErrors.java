package io.reserva.api;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.SupportedDates;
import io.reserva.shared.WireEnum;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a body that could not be read into a problem that names the field and says what was expected. Public for
 * other ways in that bind JSON to the same request types (the AI assistants' tool arguments).
 */
public final class RequestBodyErrors {

    /** A Java class name such as org.example.Type or Type$Inner, which says nothing to an API client. */
    private static final Pattern INTERNAL_NAMES = Pattern.compile("`?\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*`?");

    static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    private RequestBodyErrors() {}

    static boolean isBodyTooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** The problem for JSON that could not be bound to a request type: the field at fault and what it must be. */
    public static ReservaException translate(Throwable failure) {
        return translate(failure, null);
    }

    static ReservaException translate(Throwable failure, HttpServletRequest request) {
        if (isBodyTooLarge(failure)) {
            return new ReservaException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large");
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown);
                return field(field, "is not a known field");
            }
            if (cause instanceof InvalidFormatException format
                    && format.getValue() instanceof String text
                    && text.indexOf('\u0000') >= 0) {
                return field(path(format), NUL_MESSAGE);
            }
            if (cause instanceof InvalidFormatException format) {
                return field(path(format), expected(format.getTargetType()));
            }
            if (cause instanceof MismatchedInputException mismatch
                    && !mismatch.getPath().isEmpty()) {
                return field(path(mismatch), expected(mismatch.getTargetType()));
            }
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                String message = databind.getCause() instanceof IllegalArgumentException illegal
                        ? illegal.getMessage()
                        : "is not valid";
                return field(path(databind), message);
            }
            if (cause instanceof StreamReadException read && duplicateKey(read) != null) {
                return field(duplicateKey(read), "is given more than once");
            }
            if (cause instanceof StreamReadException unreadable) {
                return new ReservaException(ErrorCode.MALFORMED_REQUEST, notJson(unreadable));
            }
        }
        if (failure instanceof JacksonException
                || failure.getMessage() == null
                || failure.getMessage().startsWith("Required request body is missing")) {
            return new ReservaException(ErrorCode.MALFORMED_REQUEST, "A JSON object body is required");
        }
        return new ReservaException(ErrorCode.MALFORMED_REQUEST, "The body could not be read as JSON");
    }

    private static ReservaException field(String field, String message) {
        return new ReservaException(
                ErrorCode.VALIDATION_FAILED, field + " " + message, List.of(new FieldError(field, message)));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> constant instanceof WireEnum wired
                                    ? wired.wire()
                                    : constant.toString().toLowerCase(java.util.Locale.ROOT))
                            .collect(Collectors.joining(", "));
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "must be an ISO 8601 date-time such as 2027-03-28T18:30:00Z, in the years " + SupportedDates.MIN_YEAR
                    + " to " + SupportedDates.MAX_YEAR;
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date, YYYY-MM-DD, in the years " + SupportedDates.MIN_YEAR + " to "
                    + SupportedDates.MAX_YEAR;
        }
        if (type == java.time.LocalTime.class) {
            return "must be a time, HH:mm";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * The path of a key sent twice in one object (a parse error once duplicate detection is on), or null if the
     * failure is something else. The parser stops at the second occurrence, so its context names the key.
     */
    private static String duplicateKey(StreamReadException e) {
        if (e.getOriginalMessage() == null || !e.getOriginalMessage().startsWith("Duplicate Object property")) {
            return null;
        }
        if (e.processor() == null || e.processor().streamReadContext() == null) {
            return "body";
        }
        StringBuilder path = new StringBuilder();
        for (String segment :
                e.processor().streamReadContext().pathAsPointer().toString().split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.isEmpty() ? "" : ".").append(name);
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * Where the JSON broke and why, in the parser's words but without its internals: no source description, no
     * class names, no quoted input.
     */
    static String notJson(StreamReadException e) {
        String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int newline = reason.indexOf('\n');
        reason = newline < 0 ? reason : reason.substring(0, newline);
        for (String internals : List.of(" (start marker at", " at [Source", "[Source")) {
            int at = reason.indexOf(internals);
            if (at >= 0) {
                reason = reason.substring(0, at);
            }
        }
        reason = INTERNAL_NAMES.matcher(reason).replaceAll("a value").strip();
        var location = e.getLocation();
        String where = location != null && location.getLineNr() > 0
                ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
                : "";
        return "The body is not valid JSON" + where + (reason.isEmpty() ? "" : ": " + reason);
    }

    /** Java property paths (createdAt, contact.firstName) in the API's spelling (created_at, contact.first_name). */
    public static String snakeCase(String path) {
        return path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}

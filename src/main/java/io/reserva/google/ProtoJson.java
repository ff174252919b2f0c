package io.reserva.google;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request the way proto3's JSON mapping writes it: field names in snake_case (the lowerCamelCase JSON
 * names are accepted too, as proto3 parsers do), 64-bit integers as strings or numbers, {@code null} as the
 * default value, and unknown fields ignored (Google adds fields over time). Every problem is collected and
 * refused at once as {@code 400 invalid_argument} naming each field.
 */
final class ProtoJson {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private final List<FieldError> errors = new ArrayList<>();

    /** The request body as a JSON object; anything else is {@code 400}. */
    static JsonNode parse(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new ReservaException(ErrorCode.MALFORMED_REQUEST, "The request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ReservaException(ErrorCode.MALFORMED_REQUEST, "The request body must be a JSON object");
        }
        return root;
    }

    /** A message field, or null when left out; {@code required} records its absence. */
    JsonNode message(JsonNode parent, String name, String path, boolean required) {
        JsonNode value = field(parent, name);
        if (value == null) {
            missing(path, required);
            return null;
        }
        if (!value.isObject()) {
            errors.add(new FieldError(path, "must be an object"));
            return null;
        }
        return value;
    }

    JsonNode repeated(JsonNode parent, String name, String path) {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(new FieldError(path, "must be an array"));
            return null;
        }
        return value;
    }

    String string(JsonNode parent, String name, String path, boolean required, int maxLength) {
        JsonNode value = field(parent, name);
        if (value == null || (value.isString() && value.stringValue().isEmpty())) {
            missing(path, required);
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(path, "must be a string"));
            return null;
        }
        String text = value.stringValue();
        if (text.length() > maxLength) {
            errors.add(new FieldError(path, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text;
    }

    /** An int64: a JSON integer or a string of digits, as proto3 JSON allows. */
    Long int64(JsonNode parent, String name, String path, boolean required) {
        JsonNode value = field(parent, name);
        if (value == null) {
            missing(path, required);
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isString() && INTEGER.matcher(value.stringValue()).matches()) {
            try {
                return Long.parseLong(value.stringValue());
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        errors.add(new FieldError(path, "must be a 64-bit integer, as a number or a string of digits"));
        return null;
    }

    /** An int32: a JSON integer (proto3 JSON also accepts a string of digits). */
    Integer int32(JsonNode parent, String name, String path, boolean required) {
        Long value = int64(parent, name, path, required);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            errors.add(new FieldError(path, "must be a 32-bit integer"));
            return null;
        }
        return value.intValue();
    }

    /** One int32 element of a repeated field: a JSON integer or a string of digits. */
    Integer int32Element(JsonNode value, String path) {
        if (value != null && value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value != null
                && value.isString()
                && INTEGER.matcher(value.stringValue()).matches()) {
            try {
                return Integer.parseInt(value.stringValue());
            } catch (NumberFormatException tooLarge) {
                // reported below
            }
        }
        errors.add(new FieldError(path, "must be a 32-bit integer"));
        return null;
    }

    Boolean bool(JsonNode parent, String name, String path) {
        JsonNode value = field(parent, name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(new FieldError(path, "must be true or false"));
            return null;
        }
        return value.booleanValue();
    }

    void invalid(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    /** Refuses the request when anything was wrong, naming every field. */
    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ReservaException(
                    ErrorCode.INVALID_ARGUMENT,
                    errors.size() == 1
                            ? errors.get(0).field() + " " + errors.get(0).message()
                            : errors.size() + " fields are missing or not valid",
                    List.copyOf(errors));
        }
    }

    private void missing(String path, boolean required) {
        if (required) {
            errors.add(new FieldError(path, "is required"));
        }
    }

    /** The field by its proto name or its lowerCamelCase JSON name; a JSON null is the same as absent. */
    private static JsonNode field(JsonNode parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonNode value = parent.get(name);
        if (value == null) {
            value = parent.get(camel(name));
        }
        return value == null || value.isNull() ? null : value;
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}

package io.reserva.assistants;

import io.reserva.api.RequestBodyErrors;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tool arguments checked and bound as the REST API checks and binds a request: names against the tool's schema,
 * then the API's own request types through its JSON mapper and Bean Validation, or a list tool's arguments as
 * the query string its endpoint parses. Every refusal is a {@link ReservaException} naming the fields at fault.
 */
@Component
class ToolArguments {

    static final char NUL = '\u0000';

    private final JsonMapper json;
    private final Validator validator;

    ToolArguments(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** Arguments the tool's schema does not have are refused by name, whatever the REST type would accept. */
    static void checkNames(AssistantTool tool, Set<String> known, Map<String, Object> args) {
        List<FieldError> errors = args.keySet().stream()
                .filter(name -> !known.contains(name))
                .map(name -> new FieldError(
                        name,
                        ToolCatalogue.NOT_FOR_TOOLS.contains(name)
                                ? "is not available to assistants"
                                : "is not an argument of " + tool.key()))
                .toList();
        ReservaException.throwIfAny(errors);
    }

    /**
     * PostgreSQL cannot store the NUL character in text, and no field of a booking means it: a text holding one
     * is refused here, naming the field, before anything reaches the database.
     */
    static void checkNoNul(Map<String, Object> args) {
        List<FieldError> errors = new ArrayList<>();
        args.forEach((name, value) -> collectNul(name, value, errors));
        ReservaException.throwIfAny(errors);
    }

    private static void collectNul(String path, Object value, List<FieldError> errors) {
        if (value instanceof String text && text.indexOf(NUL) >= 0) {
            errors.add(new FieldError(path, "must not contain the NUL character (\\u0000)"));
        } else if (value instanceof Map<?, ?> object) {
            object.forEach((name, member) -> collectNul(path + "." + name, member, errors));
        } else if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                collectNul(path + "[" + i + "]", items.get(i), errors);
            }
        }
    }

    /** Binds arguments to a REST request type exactly as a request body is bound, then Bean Validation. */
    <T> T bind(Map<String, Object> args, Class<T> type) {
        T value;
        try {
            value = json.convertValue(args, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw RequestBodyErrors.translate(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        ReservaException.throwIfAny(violations.stream()
                .map(v -> new FieldError(
                        RequestBodyErrors.snakeCase(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList());
        return value;
    }

    /** A required UUID argument, refused as {@code validation_failed} when missing or malformed. */
    static UUID requiredId(Object value, String name) {
        UUID id;
        try {
            id = value instanceof String text ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw ReservaException.invalidField(name, value == null ? "is required" : "must be a UUID");
        }
        return id;
    }

    /** An optional UUID filter, refused as {@code invalid_query} as the list endpoint refuses a bad parameter. */
    static UUID optionalFilterId(Object value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ReservaException(
                    ErrorCode.INVALID_QUERY, name + " must be a UUID", List.of(new FieldError(name, "must be a UUID")));
        }
    }

    /** A list tool's arguments as the query string the list endpoint parses, so the same rules apply. */
    static Map<String, String[]> queryParameters(Map<String, Object> args, String skip) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> argument : args.entrySet()) {
            String name = argument.getKey();
            Object value = argument.getValue();
            if (name.equals(skip)) {
                continue;
            }
            if (name.equals("$sort")) {
                if (!(value instanceof Map<?, ?> keys)) {
                    errors.add(new FieldError(name, "must be an object such as {\"start_datetime\": 1}"));
                    continue;
                }
                keys.forEach(
                        (field, direction) -> parameters.put("$sort[" + field + "]", new String[] {text(direction)}));
            } else if (value instanceof Map<?, ?> operators) {
                if (operators.isEmpty()) {
                    errors.add(new FieldError(name, "needs at least one operator such as $gte"));
                }
                operators.forEach((operator, operand) -> {
                    String parameter = name + "[" + operator + "]";
                    if (operand instanceof List<?> values) {
                        parameters.put(
                                parameter,
                                values.stream().map(ToolArguments::text).toArray(String[]::new));
                    } else if (operand instanceof Map<?, ?>) {
                        errors.add(new FieldError(parameter, "must be a value or an array of values"));
                    } else {
                        parameters.put(parameter, new String[] {text(operand)});
                    }
                });
            } else if (value instanceof List<?>) {
                errors.add(new FieldError(name, "must be a value, or an object such as {\"$in\": [...]}"));
            } else {
                parameters.put(name, new String[] {text(value)});
            }
        }
        ReservaException.throwIfAny(errors);
        return parameters;
    }

    private static String text(Object value) {
        return value == null ? "null" : String.valueOf(value);
    }
}

package io.reserva.assistants;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.api.RequestBodyErrors;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.shared.query.QueryField;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * JSON Schemas (draft 2020-12) for tool arguments, read from the same request types the REST API binds: record
 * components become snake_case properties, Bean Validation constraints become required/minimum/maxLength, the
 * OpenAPI descriptions and examples come along, and a list's query definition becomes its filters. Binding the
 * arguments to those types afterwards applies the very same rules, so schema and validation cannot drift apart.
 */
final class ToolSchemas {

    private static final List<String> COMPARISONS = List.of("$gt", "$gte", "$lt", "$lte");

    private ToolSchemas() {}

    static String wireName(String javaName) {
        return RequestBodyErrors.snakeCase(javaName);
    }

    /**
     * The schema of a request record, without the components named in {@code omitted} (wire names). With
     * {@code nullClears}, optional properties also accept null (a PATCH clears them), except {@code neverNull}.
     */
    static Map<String, Object> forRecord(
            Class<? extends Record> type, Set<String> omitted, boolean nullClears, Set<String> neverNull) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            String name = wireName(component.getName());
            if (omitted.contains(name)) {
                continue;
            }
            Method accessor = component.getAccessor();
            Map<String, Object> schema = typeSchema(component.getGenericType(), accessor);
            boolean isRequired =
                    accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class);
            if (isRequired) {
                required.add(name);
            } else if (nullClears && !neverNull.contains(name)) {
                allowNull(schema);
            }
            properties.put(name, schema);
        }
        return object(properties, required);
    }

    /**
     * The arguments of a list tool: the list's own query language as a JSON object. Each field takes a value
     * (equality) or an object of operators; {@code $sort}, {@code $limit}, {@code $skip} and {@code searchTerm}
     * are as in the query string.
     */
    static Map<String, Object> forQuery(QueryDefinition query, Map<String, Map<String, Object>> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> sortKeys = new LinkedHashMap<>();
        for (QueryField field : query.fields()) {
            Map<String, Object> scalar = scalar(field);
            Map<String, Object> operators = new LinkedHashMap<>();
            operators.put("$ne", scalar);
            operators.put("$in", array(scalar));
            operators.put("$nin", array(scalar));
            if (field.type() != FieldType.BOOLEAN) {
                COMPARISONS.forEach(op -> operators.put(op, scalar));
            }
            Map<String, Object> operatorObject = object(operators, List.of());
            operatorObject.put("minProperties", 1);
            Map<String, Object> filter = new LinkedHashMap<>();
            filter.put(
                    "description",
                    "Filter on " + field.name() + ": a value (equality"
                            + (field.nullable() ? "; null matches an empty " + field.name() : "")
                            + ") or an object of operators");
            filter.put("anyOf", List.of(scalar, operatorObject));
            properties.put(field.name(), filter);
            if (field.sortable()) {
                sortKeys.put(field.name(), Map.of("enum", List.of(1, -1)));
            }
        }
        properties.putAll(extra);
        if (query.searchable()) {
            properties.put(
                    "searchTerm",
                    Map.of("type", "string", "description", "Case-insensitive substring over the list's text fields"));
        }
        Map<String, Object> sort = object(sortKeys, List.of());
        sort.put("description", "Order: {\"field\": 1} ascending or -1 descending, several keys in order");
        properties.put("$sort", sort);
        properties.put(
                "$limit",
                describe(
                        integer(0, QueryDefinition.MAX_LIMIT),
                        "Page size, default " + QueryDefinition.DEFAULT_LIMIT + "; 0 returns only total"));
        properties.put("$skip", describe(integer(0, null), "Rows to skip, for the next page"));
        return object(properties, List.of());
    }

    private static Map<String, Object> scalar(QueryField field) {
        Map<String, Object> schema = new LinkedHashMap<>();
        if (!field.allowedValues().isEmpty()) {
            schema.put("type", "string");
            schema.put("enum", field.allowedValues().stream().sorted().toList());
        } else {
            switch (field.type()) {
                case STRING -> schema.put("type", "string");
                case UUID -> format(schema, "uuid");
                case INTEGER -> schema.put("type", "integer");
                case DECIMAL -> schema.put("type", "number");
                case BOOLEAN -> schema.put("type", "boolean");
                case INSTANT -> format(schema, "date-time");
                case DATE -> format(schema, "date");
            }
        }
        if (field.nullable()) {
            allowNull(schema);
        }
        return schema;
    }

    private static Map<String, Object> typeSchema(Type type, AnnotatedElement annotations) {
        Map<String, Object> schema = new LinkedHashMap<>();
        Class<?> raw = raw(type);
        if (raw == String.class) {
            schema.put("type", "string");
            Size size = annotations == null ? null : annotations.getAnnotation(Size.class);
            if (annotations != null && annotations.isAnnotationPresent(NotBlank.class)) {
                schema.put("minLength", 1);
            }
            if (size != null) {
                if (size.min() > 0) {
                    schema.put("minLength", size.min());
                }
                if (size.max() < Integer.MAX_VALUE) {
                    schema.put("maxLength", size.max());
                }
            }
        } else if (raw == UUID.class) {
            format(schema, "uuid");
        } else if (raw == Instant.class) {
            format(schema, "date-time");
        } else if (raw == LocalDate.class) {
            format(schema, "date");
        } else if (raw == java.time.LocalTime.class) {
            schema.put("type", "string");
            schema.put("pattern", "^\\d{2}:\\d{2}$");
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            schema.put("type", "integer");
            Min min = annotations == null ? null : annotations.getAnnotation(Min.class);
            Max max = annotations == null ? null : annotations.getAnnotation(Max.class);
            if (min != null) {
                schema.put("minimum", min.value());
            }
            if (max != null) {
                schema.put("maximum", max.value());
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            schema.put("type", "boolean");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", wireValues(raw));
        } else if (Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            schema.put("items", typeSchema(((ParameterizedType) type).getActualTypeArguments()[0], null));
            if (Set.class.isAssignableFrom(raw)) {
                schema.put("uniqueItems", true);
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            schema.put("type", "object");
        } else if (raw.isRecord() && (annotations == null || annotations.isAnnotationPresent(Valid.class))) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> record = (Class<? extends Record>) raw;
            schema.putAll(forRecord(record, Set.of(), false, Set.of()));
        } else {
            throw new IllegalArgumentException("No JSON Schema mapping for " + type);
        }
        Schema documented = annotations == null ? null : annotations.getAnnotation(Schema.class);
        if (documented != null) {
            if (!documented.description().isEmpty()) {
                schema.put("description", documented.description());
            }
            if (!documented.example().isEmpty()) {
                schema.put("examples", List.of(example(documented.example(), schema.get("type"))));
            }
        }
        return schema;
    }

    /** OpenAPI examples are written as text; a JSON Schema example has the property's own type. */
    private static Object example(String text, Object type) {
        try {
            if ("integer".equals(type)) {
                return Long.parseLong(text);
            }
            if ("boolean".equals(type)) {
                return Boolean.parseBoolean(text);
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }

    private static List<String> wireValues(Class<?> enumType) {
        Method wire = Arrays.stream(enumType.getMethods())
                .filter(m -> m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0)
                .findFirst()
                .orElse(null);
        List<String> values = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            try {
                values.add(wire == null ? ((Enum<?>) constant).name() : String.valueOf(wire.invoke(constant)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read the wire value of " + constant, e);
            }
        }
        return values;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("No JSON Schema mapping for " + type);
    }

    static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> describe(Map<String, Object> schema, String description) {
        Map<String, Object> described = new LinkedHashMap<>(schema);
        described.put("description", description);
        return described;
    }

    static Map<String, Object> integer(Integer minimum, Integer maximum) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "integer");
        if (minimum != null) {
            schema.put("minimum", minimum);
        }
        if (maximum != null) {
            schema.put("maximum", maximum);
        }
        return schema;
    }

    static Map<String, Object> uuid(String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        format(schema, "uuid");
        schema.put("description", description);
        return schema;
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "array");
        schema.put("items", items);
        schema.put("minItems", 1);
        return schema;
    }

    private static void format(Map<String, Object> schema, String format) {
        schema.put("type", "string");
        schema.put("format", format);
    }

    private static void allowNull(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String single) {
            schema.put("type", List.of(single, "null"));
            if (schema.get("enum") instanceof List<?> values) {
                List<Object> withNull = new ArrayList<>(values);
                withNull.add(null);
                schema.put("enum", withNull);
            }
        }
    }
}

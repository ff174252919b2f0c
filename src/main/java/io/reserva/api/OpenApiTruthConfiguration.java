package io.reserva.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generic corrections that make the generated document say what the server really sends, so that a new endpoint
 * is described truthfully without per-field annotations:
 *
 * <ul>
 *   <li>a property the Java type lets be null (anything but a primitive or a {@code @NotNull}/{@code @NotBlank}/
 *       {@code @NotEmpty} one, and not in its schema's {@code required} list) admits {@code null}: the API writes
 *       nulls rather than leaving fields out;
 *   <li>{@code Object} and {@code JsonNode} are any JSON value, not swagger-core's {@code type: object}, and so
 *       are the values of a {@code Map<String, Object>} (those of {@code custom_fields_by_key} are strings, numbers,
 *       arrays);
 *   <li>a description or example that swagger-core copies from a container property onto its items or its
 *       additional properties is removed there (an example of the whole list is not an example of one item);
 *   <li>an example of an object or array schema that was written as a JSON string is parsed into that value.
 * </ul>
 *
 * Responses and examples are checked against this document by every integration test (see
 * {@code docs/conventions.md}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiTruthConfiguration {

    private static final String NULL = "null";
    private static final String NOT_NULL = "x-reserva-not-null";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    ModelConverter anyJsonValue() {
        return new ModelConverter() {
            @Override
            public Schema<?> resolve(
                    AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                Class<?> raw = rawClass(type.getType());
                if (raw == Object.class
                        || JsonNode.class.isAssignableFrom(raw)
                        || com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(raw)) {
                    return new Schema<>(SpecVersion.V31);
                }
                return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            }
        };
    }

    /**
     * Marks the properties that can never be null; the rest admit null once the document is complete (changing the
     * type here, mid-resolution, does not survive springdoc's later passes).
     */
    @Bean
    PropertyCustomizer markPropertiesThatCannotBeNull() {
        return (property, type) -> {
            if (property != null && property.get$ref() == null && mayNotBeNull(type)) {
                property.addExtension(NOT_NULL, true);
            }
            return property;
        };
    }

    @Bean
    OpenApiCustomizer truthfulSchemas() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            openApi.getComponents().getSchemas().values().forEach(OpenApiTruthConfiguration::correctObject);
            correctParameterSchemas(openApi);
        };
    }

    /**
     * {@code /mcp} is one handler for POST, GET and DELETE, and only POST is served (the server keeps no session):
     * GET and DELETE answer 405 with a JSON-RPC error, which no annotation of the shared handler can say. POST's
     * transport errors (malformed JSON-RPC, wrong Accept or Content-Type) are JSON-RPC errors too, and a notification
     * is accepted with 202 and no body.
     */
    @Bean
    OpenApiCustomizer mcpRefusesGetAndDelete() {
        return openApi -> {
            PathItem mcp =
                    openApi.getPaths() == null ? null : openApi.getPaths().get("/mcp");
            if (mcp == null) {
                return;
            }
            for (Operation operation : new Operation[] {mcp.getGet(), mcp.getDelete()}) {
                if (operation != null && operation.getResponses() != null) {
                    operation
                            .getResponses()
                            .addApiResponse(
                                    "405",
                                    jsonRpcError("Only POST is served: a JSON-RPC error", "/mcp takes POST only"));
                }
            }
            Operation post = mcp.getPost();
            if (post == null || post.getResponses() == null) {
                return;
            }
            // The transport answers malformed JSON-RPC and wrong headers with JSON-RPC errors, not problems.
            ApiResponse badRequest = post.getResponses().get("400");
            if (badRequest != null && badRequest.getContent() != null) {
                badRequest.getContent().addMediaType("application/json", jsonRpcErrorMediaType("Parse error"));
            }
            post.getResponses()
                    .addApiResponse(
                            "202",
                            new ApiResponse().description("A notification or a response from the client: no body"))
                    .addApiResponse(
                            "406",
                            jsonRpcError(
                                    "Accept does not allow both application/json and text/event-stream",
                                    "Accept must allow both application/json and text/event-stream"))
                    .addApiResponse(
                            "415",
                            jsonRpcError("The body is not application/json", "Content-Type must be application/json"));
        };
    }

    private static ApiResponse jsonRpcError(String description, String message) {
        return new ApiResponse()
                .description(description)
                .content(new Content().addMediaType("application/json", jsonRpcErrorMediaType(message)));
    }

    private static MediaType jsonRpcErrorMediaType(String message) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("jsonrpc", "2.0");
        example.put("id", null);
        example.put("error", Map.of("code", -32600, "message", message));
        return new MediaType()
                .schema(new Schema<>(SpecVersion.V31).types(Set.of("object")))
                .example(example);
    }

    private static void correctParameterSchemas(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .forEach(operation -> {
                    if (operation.getParameters() != null) {
                        operation.getParameters().forEach(parameter -> {
                            if (parameter.getSchema() != null) {
                                correctNested(parameter.getSchema());
                            }
                        });
                    }
                });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void correctObject(Schema<?> schema) {
        correctNested(schema);
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> entry : properties.entrySet()) {
            Schema property = entry.getValue();
            if (property.get$ref() != null && !required.contains(entry.getKey())) {
                // A nested record may be null like any reference; 3.1 keeps $ref's siblings, so the description stays.
                Schema nullable = new Schema<>(SpecVersion.V31);
                nullable.setDescription(property.getDescription());
                property.setDescription(null);
                nullable.setAnyOf(new ArrayList<>(
                        List.of(property, new Schema<>(SpecVersion.V31).types(new LinkedHashSet<>(Set.of(NULL))))));
                entry.setValue(nullable);
                continue;
            }
            boolean notNull =
                    property.getExtensions() != null && property.getExtensions().remove(NOT_NULL) != null;
            if (property.getExtensions() != null && property.getExtensions().isEmpty()) {
                property.setExtensions(null);
            }
            if (!notNull && !required.contains(entry.getKey())) {
                admitNull(property);
            }
            correctObject(property);
        }
    }

    /** Items and additional properties: no copied description or example; objects and arrays corrected inside. */
    @SuppressWarnings("rawtypes")
    private static void correctNested(Schema<?> schema) {
        parseJsonExample(schema);
        Schema items = schema.getItems();
        if (items != null) {
            dropCopies(schema, items);
            correctObject(items);
        }
        if (schema.getAdditionalProperties() instanceof Schema values) {
            dropCopies(schema, values);
            if (isBareObject(values)) {
                // swagger-core's reading of Map<String, Object>: the values are any JSON value, not objects.
                schema.setAdditionalProperties(new Schema<>(SpecVersion.V31).description(values.getDescription()));
            } else {
                correctObject(values);
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static boolean isBareObject(Schema schema) {
        return schema.get$ref() == null
                && schema.getProperties() == null
                && schema.getAdditionalProperties() == null
                && schema.getAllOf() == null
                && schema.getAnyOf() == null
                && schema.getOneOf() == null
                && types(schema).equals(Set.of("object"));
    }

    @SuppressWarnings("rawtypes")
    private static void dropCopies(Schema<?> container, Schema inner) {
        if (inner.getDescription() != null && inner.getDescription().equals(container.getDescription())) {
            inner.setDescription(null);
        }
        if (inner.getExample() != null && container.getExample() != null) {
            inner.setExample(null);
            inner.setExampleSetFlag(false);
        }
    }

    private static void parseJsonExample(Schema<?> schema) {
        Set<String> types = types(schema);
        if (!(schema.getExample() instanceof String text) || !(types.contains("object") || types.contains("array"))) {
            return;
        }
        try {
            schema.setExample(JSON.readValue(text, Object.class));
        } catch (RuntimeException notJson) {
            // A plain string example stays as written; the example test reports it if it does not fit.
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void admitNull(Schema property) {
        Set<String> types = types(property);
        if (types.isEmpty() || types.contains(NULL)) {
            return;
        }
        Set<String> withNull = new LinkedHashSet<>(types);
        withNull.add(NULL);
        property.setTypes(withNull);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
    }

    private static Set<String> types(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes();
        }
        return schema.getType() == null ? Set.of() : Set.of(schema.getType());
    }

    private static boolean mayNotBeNull(AnnotatedType type) {
        if (type.getType() != null && rawClass(type.getType()).isPrimitive()) {
            return true;
        }
        Annotation[] annotations = type.getCtxAnnotations();
        if (annotations == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof NotNull || annotation instanceof NotBlank || annotation instanceof NotEmpty) {
                return true;
            }
            if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema schema
                    && schema.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> cls) {
            return cls;
        }
        return Json.mapper().constructType(type).getRawClass();
    }
}

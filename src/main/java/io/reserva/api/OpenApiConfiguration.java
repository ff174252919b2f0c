package io.reserva.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.Patch;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.shared.query.QueryField;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.PublicEndpoint;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI 3.1 document at {@code /openapi.json}: bearer authentication, and on every operation the
 * conventions it follows (list parameters, Idempotency-Key, the problem responses with examples), so each
 * controller only describes what is its own.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final String BEARER = "bearer";

    static {
        // Resolved from the request by our own resolvers: not parameters a client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, Patch.class);
    }

    /**
     * Schemas are resolved by swagger-core with its own (Jackson 2) mapper; it must spell properties the way the
     * API does.
     */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI reservaOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Reserva API")
                        .version("0.1")
                        .description("""
                                Reservations for restaurants, salons, clinics, studios and venues.

                                * Authenticate with `Authorization: Bearer <API key>`.
                                * Lists take `$limit` (default 20, at most 50; larger values are clamped), `$skip`,
                                  `$sort[field]=1|-1`, filters `field=value` and `field[$op]=value` with `$in`, `$nin`,
                                  `$gt`, `$gte`, `$lt`, `$lte`, `$ne`, and `searchTerm`; they answer
                                  `{total, limit, skip, data}`. `$cursor=*` starts a keyset export (pages of up to 500,
                                  `has_more`, `next_cursor`, no total). Unknown fields or operators are a 400.
                                * Errors are RFC 9457 problems with a stable `code` and the `request_id`.
                                * POSTs take an `Idempotency-Key`; the first response is replayed for 24 hours.
                                """)
                        .license(new License().name("Apache-2.0").identifier("Apache-2.0")))
                // Relative: the document is right whichever host and port serve it.
                .servers(List.of(new Server().url("/").description("The server that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API key, e.g. rsv_Xq3vK9..."))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer reservaConventions() {
        return (operation, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("io.reserva")) {
                return operation;
            }
            boolean isPublic = handler.hasMethodAnnotation(PublicEndpoint.class)
                    || handler.getBeanType().isAnnotationPresent(PublicEndpoint.class);
            if (isPublic) {
                operation.setSecurity(List.of());
            }
            boolean isList = handler.hasMethodAnnotation(GetMapping.class)
                    && handler.getMethod().getReturnType() == Page.class;
            if (isList) {
                addListParameters(operation, handler);
            }
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new Parameter()
                        .in("header")
                        .name(IdempotencyFilter.HEADER)
                        .description("Makes a retry safe: the first response with this key is replayed for 24 h;"
                                + " the same key with a different body is 409 idempotency_conflict")
                        .schema(new StringSchema().maxLength(255))
                        .example("b7e1c2d4-3f5a-4e6b-8c9d-0a1b2c3d4e5f"));
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            boolean hasBody = handler.hasMethodAnnotation(PostMapping.class)
                    || handler.hasMethodAnnotation(PatchMapping.class)
                    || handler.hasMethodAnnotation(PutMapping.class);
            if (!handler.hasMethodAnnotation(GetMapping.class)) {
                // Any write can meet the state it would break: a status move, a unique rule, a last key.
                addProblem(responses, ErrorCode.CONFLICT, "A confirmed reservation cannot become pending");
            }
            if (isList) {
                addProblem(responses, ErrorCode.INVALID_QUERY, "Unknown field 'colour' in colour[$in]");
            }
            if (isList || takesOrganizationId(handler)) {
                // A platform key lists (or follows) one organization at a time and must name it.
                addProblem(
                        responses,
                        ErrorCode.VALIDATION_FAILED,
                        "organization_id: is required: this platform admin key belongs to no organization");
            }
            if (handler.getMethod().getParameterCount() > 0 && hasPathId(handler)) {
                addProblem(responses, ErrorCode.INVALID_PARAMETER, "id must be a UUID, got 'abc'");
            }
            // Every operation: a query string the server cannot read, an organization_id (or path id) that names
            // nothing the caller may see, and a key that is not valid or not allowed here; a key sent to a public
            // operation is checked too (an assistant's credential may only call its tools).
            if (!isList) {
                addProblem(responses, ErrorCode.INVALID_QUERY, "The query string is not valid: ?a=%ff");
            }
            addProblem(responses, ErrorCode.NOT_FOUND, "Organization 0192f3c4-... was not found");
            addProblem(responses, ErrorCode.UNAUTHORIZED, "The API key is not valid: unknown, revoked or expired");
            addProblem(responses, ErrorCode.FORBIDDEN, "This API key is read-only");
            if (hasBody) {
                addProblem(responses, ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON");
                addProblem(
                        responses,
                        ErrorCode.VALIDATION_FAILED,
                        "timezone must be an IANA time zone such as Europe/Madrid");
                addProblem(
                        responses,
                        ErrorCode.PAYLOAD_TOO_LARGE,
                        "The request body is larger than the limit of 1048576 bytes");
                addProblem(responses, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json");
            }
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                addProblem(
                        responses,
                        ErrorCode.IDEMPOTENCY_CONFLICT,
                        "This Idempotency-Key was used with a different request");
            }
            addProblem(
                    responses, ErrorCode.RATE_LIMITED, "Rate limit of 6000 requests per minute reached; retry in 1 s");
            addProblem(responses, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side");
            addProblem(
                    responses,
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The database did not answer; nothing was changed, retry in a moment");
            operation.setResponses(responses);
            return operation;
        };
    }

    private static boolean hasPathId(HandlerMethod handler) {
        return java.util.Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class));
    }

    private static void addListParameters(Operation operation, HandlerMethod handler) {
        String path = firstPathSegment(handler);
        QueryDefinition definition = QueryDefinition.registered(path).orElse(null);
        operation.addParametersItem(query(
                "$limit",
                new IntegerSchema()._default(20).maximum(java.math.BigDecimal.valueOf(500)),
                "Page size: default 20, at most 50 (larger values are clamped); with $cursor default 100, at most 500",
                20));
        operation.addParametersItem(
                query("$skip", new IntegerSchema()._default(0), "Rows to skip (not with $cursor)", 0));
        operation.addParametersItem(query(
                "$cursor",
                new StringSchema(),
                "Keyset paging for exports: '*' for the first page, then the next_cursor of the previous page",
                "*"));
        if (definition == null) {
            return;
        }
        if (definition.organizationScoped()) {
            operation.addParametersItem(query(
                    "organization_id",
                    new StringSchema().format("uuid"),
                    "The organization; may be left out when the API key belongs to one",
                    null));
        }
        if (definition.searchable()) {
            operation.addParametersItem(
                    query("searchTerm", new StringSchema(), "Case-insensitive text search", "sole"));
        }
        String fields = definition.fields().stream()
                .map(field -> "`" + field.name() + "` (" + describe(field) + ")")
                .collect(Collectors.joining(", "));
        operation.addParametersItem(query(
                        "filters",
                        new ObjectSchema(),
                        "Filter with field=value or field[$op]=value ($in, $nin, $gt, $gte, $lt, $lte, $ne); sort with"
                                + " $sort[field]=1|-1. Fields: " + fields,
                        null)
                .style(Parameter.StyleEnum.FORM)
                .explode(true));
    }

    private static String describe(QueryField field) {
        String type = field.allowedValues().isEmpty()
                ? field.type().name().toLowerCase(java.util.Locale.ROOT)
                : String.join("|", field.allowedValues().stream().sorted().toList());
        return field.nullable() ? type + ", may be null" : type;
    }

    private static String firstPathSegment(HandlerMethod handler) {
        var mapping = handler.getBeanType().getAnnotation(org.springframework.web.bind.annotation.RequestMapping.class);
        String path = mapping != null && mapping.value().length > 0 ? mapping.value()[0] : "";
        return path.replaceFirst("^/", "").split("/")[0];
    }

    private static Parameter query(String name, Schema<?> schema, String description, Object example) {
        Parameter parameter = new Parameter()
                .in("query")
                .name(name)
                .required(false)
                .schema(schema)
                .description(description);
        return example == null ? parameter : parameter.example(example);
    }

    /** An operation with an {@code organization_id} query parameter of its own, which a platform key must send. */
    private static boolean takesOrganizationId(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null && "organization_id".equals(param.name())) {
                return true;
            }
        }
        return false;
    }

    private static void addProblem(ApiResponses responses, ErrorCode code, String detail) {
        String status = Integer.toString(code.status().value());
        ApiResponse response = responses.computeIfAbsent(
                status,
                s -> new ApiResponse()
                        .description(code.title())
                        .content(new Content()
                                .addMediaType(
                                        "application/problem+json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
        MediaType mediaType =
                response.getContent() == null ? null : response.getContent().get("application/problem+json");
        if (mediaType == null) {
            return;
        }
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "/problems/" + code.code());
        example.put("title", code.title());
        example.put("status", code.status().value());
        example.put("detail", detail);
        example.put("instance", "/organizations");
        example.put("code", code.code());
        example.put("request_id", "3f0c9b7e-2a41-4c1e-9a55-8d2e6b1f0c77");
        if (code == ErrorCode.VALIDATION_FAILED) {
            example.put(
                    "errors",
                    List.of(Map.of("field", "timezone", "message", "must be an IANA time zone such as Europe/Madrid")));
        }
        mediaType.addExamples(code.code(), new Example().summary(code.title()).value(example));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                new StringSchema().description("URI of the problem type").example("/problems/validation_failed"));
        properties.put("title", new StringSchema().example("The request is not valid"));
        properties.put("status", new IntegerSchema().example(422));
        properties.put(
                "detail", new StringSchema().example("timezone must be an IANA time zone such as Europe/Madrid"));
        properties.put("instance", new StringSchema().example("/organizations"));
        properties.put(
                "code",
                new StringSchema()
                        .description("Stable error code; see /problems")
                        .example("validation_failed"));
        properties.put(
                "request_id",
                new StringSchema().description("Echo of X-Request-Id").example("3f0c9b7e-2a41-4c1e-9a55-8d2e6b1f0c77"));
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema().example("timezone"));
        fieldError.addProperty(
                "message", new StringSchema().example("must be an IANA time zone such as Europe/Madrid"));
        properties.put(
                "errors", new ArraySchema().items(fieldError).description("The invalid fields, for validation errors"));
        ObjectSchema schema = new ObjectSchema();
        schema.setProperties(properties);
        schema.setDescription("An RFC 9457 problem");
        schema.setRequired(List.of("type", "title", "status", "code", "request_id"));
        return schema;
    }
}

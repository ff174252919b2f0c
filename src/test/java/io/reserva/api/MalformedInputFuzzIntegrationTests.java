package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A negative generator over the application's own {@code /openapi.json}: for every operation it sends wrong
 * types, nulls, huge and control-character strings, impossible dates, instants and zones, malformed query
 * strings and bad ids, with the admin key of a fresh organization. Whatever the input, the answer is never a
 * 5xx, and an error is always {@code application/problem+json} with a stable code. The seed is fixed and the
 * cases per operation bounded, so a failure reproduces and the run stays short.
 */
@IntegrationTest
class MalformedInputFuzzIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int BODY_CASES_PER_OPERATION = 10;
    private static final int QUERY_CASES_PER_PARAMETER = 1;

    private static final String FAR_INSTANT = "+999999999-12-31T23:59:59Z";
    private static final List<String> FAR_TEMPORALS =
            List.of(FAR_INSTANT, "-999999999-01-01T00:00:00Z", "+999999999-12-31", "-999999999-01-01", "0000-01-01");
    private static final List<String> BAD_TEXTS = List.of(
            "a\u0000b",
            "\u0000",
            "\u0001\u001f\u007f",
            "x".repeat(20_000),
            FAR_INSTANT,
            "-999999999-01-01T00:00:00Z",
            "+999999999-12-31",
            "0000-00-00",
            "2027-02-30",
            "25:61",
            "Mars/Olympus_Mons",
            "../../etc/passwd",
            "\uD800",
            "");
    private static final List<String> BAD_PATH_IDS = List.of(
            "not-a-uuid", "%00", "%ff", "%2F", "%2e%2e", "x".repeat(3000), "00000000-0000-0000-0000-00000000000g");
    private static final List<String> BAD_QUERIES = List.of(
            "a=%ff",
            "=x",
            "&&&=&=",
            "%00=%00",
            "$limit=abc",
            "$limit=99999999999999999999",
            "$skip=-1",
            "$sort[nope]=1",
            "$sort[created_at]=sideways",
            "created_at[$gte]=" + FAR_INSTANT.replace("+", "%2B"),
            "created_at[$lt]=-999999999-01-01T00:00:00Z",
            "id[$in]=not-a-uuid",
            "id[$regex]=x",
            "name[$eq][$eq]=x",
            "$cursor=%ff%fe",
            "$search=%00");

    @LocalServerPort
    int port;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(15);
    private final List<String> failures = new ArrayList<>();
    private JsonNode document;
    private String key;
    private int sent;

    @Test
    void noOperationAnswersMalformedInputWithAServerErrorOrANonProblemBody() throws Exception {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        key = tenant.adminKey();
        document = JSON.readTree(send("GET", "/openapi.json", null, Map.of()).body());

        long started = System.nanoTime();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (excluded(path.getKey(), method)) {
                    continue;
                }
                fuzz(method, path.getKey(), operation.getValue(), tenant);
            }
        }
        containerLevelCases();
        slotsAtTheEdgesOfTime(api);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertThat(sent).as("requests sent").isGreaterThan(500);
        assertThat(failures)
                .as("%d requests in %d s; answers that were a 5xx or not a problem", sent, seconds)
                .isEmpty();
    }

    private static boolean excluded(String path, String method) {
        // JSON-RPC has its own error model; signed uploads take binary bodies; a live stream that accepts its input
        // stays open (its bad input is LiveStreamIntegrationTests' business).
        return path.startsWith("/mcp")
                || (path.startsWith("/s3-url-signing") && "PUT".equals(method))
                || path.equals("/events/stream");
    }

    private void fuzz(String method, String template, JsonNode operation, Tenant tenant) {
        List<JsonNode> parameters = parameters(operation);
        String validPath = fillPath(template, parameters, tenant, null);

        for (String bad : BAD_PATH_IDS) {
            if (!template.contains("{")) {
                break;
            }
            check(method, fillPath(template, parameters, tenant, bad), bodyFor(operation, method));
        }
        for (String query : "GET".equals(method) ? BAD_QUERIES : BAD_QUERIES.subList(0, 3)) {
            check(method, validPath + "?" + query, bodyFor(operation, method));
        }
        for (JsonNode parameter : parameters) {
            if (!"query".equals(parameter.path("in").asString())) {
                continue;
            }
            String name = parameter.get("name").asString();
            for (int i = 0; i < QUERY_CASES_PER_PARAMETER; i++) {
                check(method, validPath + "?" + name + "=" + encode(pick(BAD_TEXTS)), null);
            }
            if (isTemporal(parameter.path("schema"))) {
                for (String far : FAR_TEMPORALS) {
                    check(method, validPath + "?" + name + "=" + encode(far), null);
                }
            }
        }
        JsonNode schema = requestSchema(operation);
        if (schema == null) {
            return;
        }
        for (String whole : List.of("[]", "null", "\"x\"", "{\"a\":", "{}", "1e999999")) {
            check(method, validPath, whole);
        }
        ObjectNode valid = (ObjectNode) example(schema, 0);
        for (var property : resolve(schema).path("properties").properties()) {
            if (isTemporal(property.getValue())) {
                for (String far : FAR_TEMPORALS) {
                    ObjectNode body = valid.deepCopy();
                    body.put(property.getKey(), far);
                    check(method, validPath, JSON.writeValueAsString(body));
                }
            }
        }
        List<String> properties = new ArrayList<>(valid.propertyNames());
        for (int i = 0; i < BODY_CASES_PER_OPERATION && !properties.isEmpty(); i++) {
            String property = properties.get(i % properties.size());
            ObjectNode body = valid.deepCopy();
            body.set(property, badValue());
            check(method, validPath, JSON.writeValueAsString(body));
        }
    }

    /** The slot search with a real service, so impossible dates reach the engine rather than a 404. */
    private void slotsAtTheEdgesOfTime(TestApi api) {
        TestApi.Response service =
                api.post(key, "/reservation-services", TestApi.fields("name", "Edge of time", "duration_minutes", 30));
        TestApi.expect(service, 201);
        String slots = "/reservation-available-slots?service_id=" + service.get("id");
        for (String far : FAR_TEMPORALS) {
            check("GET", slots + "&date=" + encode(far), null);
            check("GET", slots + "&start_date=" + encode(far) + "&end_date=" + encode(far), null);
            check("GET", slots + "&start_date=2027-01-01&end_date=" + encode(far), null);
        }
        check("GET", slots + "&date=+999999999-12-31", null);
    }

    /** Requests the servlet container answers itself, before the application sees them. */
    private void containerLevelCases() {
        checkRaw("GET", "/contacts/%00", Map.of());
        checkRaw("GET", "/contacts/%2F", Map.of());
        checkRaw("GET", "/contacts/%ff", Map.of());
        checkRaw("GET", "/contacts/a%2Fb", Map.of());
        checkRaw("GET", "/contacts?a=%ff", Map.of());
        checkRaw("GET", "/contacts", Map.of("X-Large", "x".repeat(64 * 1024)));
    }

    private void checkRaw(String method, String pathAndQuery, Map<String, String> headers) {
        HttpResponse<String> response = send(method, pathAndQuery, null, headers);
        judge(method, pathAndQuery, null, response);
    }

    private void check(String method, String pathAndQuery, String body) {
        HttpResponse<String> response = send(method, pathAndQuery, body, Map.of());
        judge(method, pathAndQuery, body, response);
    }

    private void judge(String method, String pathAndQuery, String body, HttpResponse<String> response) {
        sent++;
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String problem = null;
        if (status >= 500) {
            problem = "status " + status;
        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
            problem = "status " + status + " with Content-Type '" + contentType + "'";
        } else if (status >= 400 && !response.body().contains("\"code\"")) {
            problem = "status " + status + " without a code";
        }
        if (problem != null && failures.size() < 200) {
            failures.add(method + " " + abbreviate(pathAndQuery) + " body=" + abbreviate(String.valueOf(body)) + " -> "
                    + problem + ": " + abbreviate(response.body()));
        }
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(pathAndQuery.startsWith("/openapi.json") ? 180 : 30))
                .header("Authorization", "Bearer " + key);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + abbreviate(pathAndQuery) + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String bodyFor(JsonNode operation, String method) {
        JsonNode schema = requestSchema(operation);
        if (schema == null) {
            return null;
        }
        return JSON.writeValueAsString(example(schema, 0));
    }

    private JsonNode requestSchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode media = content.path("application/json");
        if (media.isMissingNode()) {
            media = content.path("application/merge-patch+json");
        }
        JsonNode schema = media.path("schema");
        if (schema.isMissingNode()) {
            return null;
        }
        JsonNode resolved = resolve(schema);
        return "object".equals(resolved.path("type").asString()) || resolved.has("properties") ? resolved : null;
    }

    private JsonNode resolve(JsonNode schema) {
        int guard = 0;
        while (schema.has("$ref") && guard++ < 10) {
            String ref = schema.get("$ref").asString();
            schema = document.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.get("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        return schema;
    }

    /** A plausible value for a schema, so that one field at a time can be made wrong. */
    private JsonNode example(JsonNode raw, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asString("");
        String format = schema.path("format").asString("");
        if (schema.has("properties") || "object".equals(type)) {
            ObjectNode object = NODES.objectNode();
            if (depth < 3) {
                for (var property : schema.path("properties").properties()) {
                    object.set(property.getKey(), example(property.getValue(), depth + 1));
                }
            }
            return object;
        }
        switch (type) {
            case "array":
                return NODES.arrayNode();
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                switch (format) {
                    case "uuid":
                        return NODES.stringNode(UUID.randomUUID().toString());
                    case "date-time":
                        return NODES.stringNode("2030-01-07T10:00:00Z");
                    case "date":
                        return NODES.stringNode("2030-01-07");
                    case "email":
                        return NODES.stringNode("fuzz@example.com");
                    default:
                        return NODES.stringNode("Fuzz");
                }
        }
    }

    private JsonNode badValue() {
        switch (random.nextInt(8)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return NODES.numberNode(random.nextBoolean() ? 123 : Long.MAX_VALUE);
            case 2:
                return NODES.stringNode(random.nextBoolean() ? "45" : "true");
            case 3:
                return NODES.booleanNode(false);
            case 4:
                return NODES.objectNode().put("nested", "\u0000");
            case 5:
                return NODES.arrayNode().add("a\u0000").add(1);
            case 6:
                return NODES.numberNode(new java.math.BigDecimal("1e400"));
            default:
                return NODES.stringNode(pick(BAD_TEXTS));
        }
    }

    private boolean isTemporal(JsonNode raw) {
        String format = resolve(raw).path("format").asString("");
        return "date".equals(format) || "date-time".equals(format);
    }

    private List<JsonNode> parameters(JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    /** The path with every parameter filled: the organization's own id where it names one, a bad id if given. */
    private String fillPath(String template, List<JsonNode> parameters, Tenant tenant, String bad) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            if (!"path".equals(parameter.path("in").asString())) {
                continue;
            }
            String name = parameter.get("name").asString();
            String value = name.toLowerCase(java.util.Locale.ROOT).contains("org")
                    ? tenant.id().toString()
                    : UUID.randomUUID().toString();
            values.put(name, value);
        }
        String path = template;
        boolean first = true;
        for (var entry : values.entrySet()) {
            String value = bad != null && first ? bad : entry.getValue();
            path = path.replace("{" + entry.getKey() + "}", value);
            first = false;
        }
        return path.replaceAll(
                "\\{[^}]*}", bad != null ? bad : UUID.randomUUID().toString());
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}

package io.reserva.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the API under test: what a real integrator sends, JSON in and out. Every answer is
 * checked against the application's own {@code /openapi.json} ({@link OpenApiContract}): a status, content type
 * or body the document does not promise fails the test.
 */
public final class TestApi {

    /** The platform key every integration test context installs. */
    public static final String PLATFORM_KEY = "rsv_test-platform-key-0123456789abcdefghijklmnop";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public TestApi(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    /** An answer: status, headers and the body parsed as JSON (null when empty or not JSON). */
    public record Response(int status, Map<String, List<String>> headers, String text, JsonNode body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }

        public String code() {
            return body == null || body.get("code") == null
                    ? null
                    : body.get("code").asString();
        }

        public String get(String field) {
            return body.get(field).asString();
        }

        /** The {@code field} of each entry of a problem's {@code errors}, in order. */
        public List<String> errorFields() {
            List<String> names = new java.util.ArrayList<>();
            body.get("errors").forEach(error -> names.add(error.get("field").asString()));
            return names;
        }
    }

    /** A new organization of its own for one test, and an admin key for it. */
    public record Tenant(UUID id, String adminKey, JsonNode organization) {}

    public Tenant newTenant() {
        String name = "Test venue " + SEQUENCE.incrementAndGet() + " "
                + UUID.randomUUID().toString().substring(0, 8);
        Response created = post(
                PLATFORM_KEY,
                "/organizations",
                Map.of("name", name, "timezone", "Europe/Berlin", "currency", "EUR", "country", "DE"));
        expect(created, 201);
        UUID id = UUID.fromString(created.get("id"));
        Response key =
                post(PLATFORM_KEY, "/api-keys", Map.of("organization_id", id, "name", "Zulu admin", "role", "admin"));
        expect(key, 201);
        return new Tenant(id, key.get("secret"), created.body());
    }

    public String newKey(Tenant tenant, String role) {
        Response key = post(tenant.adminKey(), "/api-keys", Map.of("name", role + " key", "role", role));
        expect(key, 201);
        return key.get("secret");
    }

    public Response get(String key, String path) {
        return send(key, "GET", path, null, Map.of());
    }

    public Response post(String key, String path, Object body) {
        return send(key, "POST", path, json(body), Map.of());
    }

    public Response put(String key, String path, Object body) {
        return send(key, "PUT", path, json(body), Map.of());
    }

    public Response patch(String key, String path, Object body) {
        return send(key, "PATCH", path, json(body), Map.of());
    }

    public Response delete(String key, String path) {
        return send(key, "DELETE", path, null, Map.of());
    }

    /**
     * Signs a staff user in as the console does ({@code POST /sessions}) and answers the headers a browser then
     * sends: the session cookie and the CSRF token of that session.
     */
    public Map<String, String> signIn(String email, String password) {
        Response session =
                send(null, "POST", "/sessions", json(fields("email", email, "password", password)), Map.of());
        expect(session, 201);
        String cookie = session.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .filter(v -> v.startsWith("reserva_session="))
                .findFirst()
                .orElseThrow()
                .split(";", 2)[0];
        return Map.of("Cookie", cookie, "X-CSRF-Token", session.get("csrf_token"));
    }

    public Response send(String key, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = null;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            OpenApiContract.of(base).check(method, path, response.statusCode(), contentType, response.body());
            if (!response.body().isEmpty() && contentType.contains("json")) {
                parsed = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), response.headers().map(), response.body(), parsed);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        return JSON.writeValueAsString(body);
    }

    /** A map literal that keeps nulls and order: {@code Map.of} refuses nulls, JSON needs them. */
    public static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static void expect(Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response.status() + ": " + response.text());
        }
    }
}

package io.reserva.api;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every class of bad input gets a 4xx problem that names what is wrong, never a 500, and changes nothing.
 */
@IntegrationTest
class RequestErrorsIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
    }

    @Test
    void malformedJson() {
        assertNothingChanges(() -> {
            Response response = api.patch(tenant.adminKey(), "/organizations/" + tenant.id(), "{\"name\": ");
            assertProblem(response, 400, "malformed_request");
            Response created = api.post(TestApi.PLATFORM_KEY, "/organizations", "{\"name\": \"x\",}");
            assertProblem(created, 400, "malformed_request");
            Response truncated = api.post(TestApi.PLATFORM_KEY, "/organizations", "{\"name\": \"x\"");
            assertProblem(truncated, 400, "malformed_request");
            for (Response answer : List.of(response, created, truncated)) {
                assertThat(answer.get("detail"))
                        .as("a short hint without the parser's internals")
                        .startsWith("The body is not valid JSON at line 1, column ")
                        .doesNotContain("Source", "jackson", "tools.", "StreamUtils", "$", "\n");
            }
        });
    }

    @Test
    void wrongTypesAreNamed() {
        assertNothingChanges(() -> {
            Response response = api.post(
                    TestApi.PLATFORM_KEY,
                    "/organizations",
                    "{\"name\": {\"nested\": true}, \"timezone\": \"UTC\", \"currency\": \"EUR\"}");
            assertProblem(response, 422, "validation_failed");
            assertThat(firstErrorField(response)).isEqualTo("name");

            Response expiry = api.post(
                    tenant.adminKey(), "/api-keys", fields("name", "x", "role", "staff", "expires_at", "next tuesday"));
            assertProblem(expiry, 422, "validation_failed");
            assertThat(firstErrorField(expiry)).isEqualTo("expires_at");
        });
    }

    @Test
    void unknownFieldsAreNamed() {
        assertNothingChanges(() -> {
            Response response = api.patch(
                    tenant.adminKey(), "/organizations/" + tenant.id(), fields("name", "Renamed", "colour", "red"));
            assertProblem(response, 422, "validation_failed");
            assertThat(firstErrorField(response)).isEqualTo("colour");
        });
        assertThat(api.get(tenant.adminKey(), "/organizations/" + tenant.id()).get("name"))
                .isEqualTo(tenant.organization().get("name").asString());
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        assertNothingChanges(() -> {
            Response response = api.post(TestApi.PLATFORM_KEY, "/organizations", fields("name", "No zone"));
            assertProblem(response, 422, "validation_failed");
            assertThat(response.body().get("errors").findValuesAsString("field"))
                    .containsExactlyInAnyOrder("timezone", "currency");
        });
    }

    @Test
    void invalidValuesAreNamed() {
        Response response = api.patch(
                tenant.adminKey(),
                "/organizations/" + tenant.id(),
                fields("timezone", "GMT+2", "phone", "12", "website", "ftp://x", "slug", "Not A Slug"));
        assertProblem(response, 422, "validation_failed");
        assertThat(response.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("timezone", "phone", "website", "slug");
        Response cleared = api.patch(tenant.adminKey(), "/organizations/" + tenant.id(), fields("name", null));
        assertProblem(cleared, 422, "validation_failed");
    }

    @Test
    void oversizedBodiesAreRefusedWith413() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        assertNothingChanges(() -> assertProblem(
                api.patch(tenant.adminKey(), "/organizations/" + tenant.id(), huge), 413, "payload_too_large"));

        // Chunked, so no Content-Length warns the server: the limit must hold while reading.
        byte[] bytes = huge.getBytes();
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(api.base() + "/organizations"))
                .header("Authorization", "Bearer " + TestApi.PLATFORM_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> (InputStream) new ByteArrayInputStream(bytes)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload_too_large");
    }

    @Test
    void unknownQueryOperatorsAndFieldsAreNamed() {
        Response operator = api.get(tenant.adminKey(), "/organizations?name[$regex]=.*");
        assertProblem(operator, 400, "invalid_query");
        assertThat(firstErrorField(operator)).isEqualTo("name[$regex]");
        assertThat(operator.get("detail")).contains("$regex");

        Response field = api.get(tenant.adminKey(), "/organizations?colour=red&$sort[shape]=1&$limit=many");
        assertProblem(field, 400, "invalid_query");
        assertThat(field.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("colour", "$sort[shape]", "$limit");
    }

    @Test
    void invalidUuidsInPathsAreNamed() {
        Response response = api.get(tenant.adminKey(), "/organizations/not-a-uuid");
        assertProblem(response, 400, "invalid_parameter");
        assertThat(firstErrorField(response)).isEqualTo("id");
        assertProblem(api.delete(tenant.adminKey(), "/api-keys/42"), 400, "invalid_parameter");
    }

    @Test
    void wrongMethodAndMediaType() {
        Response method = api.delete(tenant.adminKey(), "/organizations/" + tenant.id());
        assertProblem(method, 405, "method_not_allowed");
        assertThat(method.header("Allow")).contains("PATCH");

        Response media = api.send(
                tenant.adminKey(),
                "PATCH",
                "/organizations/" + tenant.id(),
                "name=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertProblem(media, 415, "unsupported_media_type");
        Response mediaPost = api.send(
                TestApi.PLATFORM_KEY, "POST", "/organizations", "name=x", Map.of("Content-Type", "text/plain"));
        assertProblem(mediaPost, 415, "unsupported_media_type");
    }

    @Test
    void unknownPathsAreProblemsToo() {
        assertProblem(api.get(tenant.adminKey(), "/no-such-thing"), 404, "not_found");
    }

    @Test
    void problemsCarryTheRequestIdAndNoInternals() {
        Response response = api.send(
                tenant.adminKey(), "GET", "/organizations/not-a-uuid", null, Map.of("X-Request-Id", "trace-abc.123"));
        assertThat(response.header("X-Request-Id")).isEqualTo("trace-abc.123");
        assertThat(response.get("request_id")).isEqualTo("trace-abc.123");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.get("type")).isEqualTo("/problems/invalid_parameter");
        assertThat(response.text()).doesNotContain("Exception", "java.", "org.springframework");

        Response generated = api.get(tenant.adminKey(), "/organizations/" + tenant.id());
        assertThat(generated.header("X-Request-Id")).isNotBlank();
        Response unsafe = api.send(
                tenant.adminKey(),
                "GET",
                "/organizations/" + tenant.id(),
                null,
                Map.of("X-Request-Id", "bad id with spaces"));
        assertThat(unsafe.header("X-Request-Id"))
                .isNotEqualTo("bad id with spaces")
                .isNotBlank();
    }

    @Test
    void theProblemTypeUriResolves() {
        Response type = api.get(null, "/problems/validation_failed");
        assertThat(type.status()).isEqualTo(200);
        assertThat(type.body().get("status").asInt()).isEqualTo(422);
    }

    private void assertNothingChanges(Runnable action) {
        String before = api.get(TestApi.PLATFORM_KEY, "/organizations?$limit=1")
                .body()
                .get("total")
                .asString();
        String tenantBefore =
                api.get(tenant.adminKey(), "/organizations/" + tenant.id()).text();
        action.run();
        assertThat(api.get(TestApi.PLATFORM_KEY, "/organizations?$limit=1")
                        .body()
                        .get("total")
                        .asString())
                .isEqualTo(before);
        assertThat(api.get(tenant.adminKey(), "/organizations/" + tenant.id()).text())
                .isEqualTo(tenantBefore);
    }

    private static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body().get("detail").asString()).isNotBlank();
    }

    private static String firstErrorField(Response response) {
        return response.body().get("errors").get(0).get("field").asString();
    }
}

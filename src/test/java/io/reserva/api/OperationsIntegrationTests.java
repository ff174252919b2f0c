package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithExamplesAndErrors() {
        TestApi api = new TestApi(port);
        Response document = api.get(null, "/openapi.json");
        assertThat(document.status()).isEqualTo(200);
        JsonNode openapi = document.body();
        assertThat(openapi.get("openapi").asString()).startsWith("3.1");
        JsonNode paths = openapi.get("paths");
        assertThat(paths.has("/organizations")).isTrue();
        assertThat(paths.has("/organizations/{id}")).isTrue();
        assertThat(paths.has("/api-keys")).isTrue();
        assertThat(paths.has("/api-keys/{id}")).isTrue();

        List<String> missing = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                if (!operation.get("responses").has("500")
                        || !operation.get("responses").has("429")) {
                    missing.add(method + " " + path + " lacks the common error responses");
                }
                String summary = operation.path("summary").asString("");
                if (summary.isBlank() || summary.contains("Controller")) {
                    missing.add(method + " " + path + " has no readable summary: '" + summary + "'");
                }
            }
        }
        assertThat(missing).isEmpty();

        JsonNode create = paths.get("/organizations").get("post");
        assertThat(create.get("responses")
                        .get("422")
                        .get("content")
                        .get("application/problem+json")
                        .get("examples"))
                .isNotEmpty();
        assertThat(create.get("parameters").findValuesAsString("name")).contains("Idempotency-Key");
        JsonNode list = paths.get("/organizations").get("get");
        assertThat(list.get("parameters").findValuesAsString("name")).contains("$limit", "$skip", "$cursor");
        JsonNode patch = paths.get("/organizations/{id}").get("patch");
        assertThat(patch.get("requestBody").toString()).contains("OrganizationChanges");
        assertThat(patch.get("parameters").findValuesAsString("name")).doesNotContain("caller", "patch");

        JsonNode organization = openapi.get("components").get("schemas").get("Organization");
        assertThat(organization.get("properties").has("created_at"))
                .as("snake_case names")
                .isTrue();
        assertThat(organization.get("properties").get("timezone").get("example").asString())
                .isEqualTo("Europe/Madrid");
    }

    @Test
    void theReferenceIsServedByTheAppItselfWithoutACdn() {
        TestApi api = new TestApi(port);
        Response page = api.send(null, "GET", "/swagger-ui/index.html", null, java.util.Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui").doesNotContain("cdn.", "unpkg.com", "jsdelivr");
        Response docs = api.send(null, "GET", "/docs", null, java.util.Map.of());
        assertThat(docs.status()).isEqualTo(302);
        assertThat(docs.header("Location")).endsWith("/swagger-ui/index.html");
    }

    @Test
    void healthReportsLivenessAndReadinessIncludingTheDatabase() {
        TestApi api = new TestApi(port);
        assertThat(api.get(null, "/health").get("status")).isEqualTo("UP");
        assertThat(api.get(null, "/health/liveness").get("status")).isEqualTo("UP");
        assertThat(api.get(null, "/health/readiness").get("status")).isEqualTo("UP");
    }

    @Test
    void metricsAreExposedForPrometheusToThePlatformKey() {
        TestApi api = new TestApi(port);
        api.get(TestApi.PLATFORM_KEY, "/organizations");
        Response metrics = api.get(TestApi.PLATFORM_KEY, "/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.text()).contains("http_server_requests_seconds", "hikaricp_connections");
    }

    @Test
    void metricsOnTheApplicationPortAreRefusedWithoutThePlatformKey() {
        TestApi api = new TestApi(port);
        for (String path : java.util.List.of("/metrics", "/%6Detrics", "/metrics;x=1", "/metrics/")) {
            Response anonymous = api.send(null, "GET", path, null, java.util.Map.of());
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(anonymous.code()).as(path).isEqualTo("unauthorized");
            assertThat(anonymous.header("WWW-Authenticate")).as(path).isEqualTo("Bearer");
            assertThat(anonymous.text()).as(path).doesNotContain("jvm_", "hikaricp");
        }
        String organizationAdmin = api.newTenant().adminKey();
        Response tenantKey = api.get(organizationAdmin, "/metrics");
        assertThat(tenantKey.status()).isEqualTo(403);
        assertThat(tenantKey.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tenantKey.code()).isEqualTo("forbidden");
        assertThat(tenantKey.text()).doesNotContain("jvm_");
        assertThat(api.get(null, "/health").status())
                .as("health stays open for load balancers")
                .isEqualTo(200);
    }
}

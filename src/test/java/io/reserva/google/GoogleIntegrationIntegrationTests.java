package io.reserva.google;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The settings behind the Google channel, and who may call the booking server. */
@IntegrationTest
class GoogleIntegrationIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    PartnerCredentialRepository repository;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    @Test
    void anAdminWritesAndReadsTheSettingAsAWhole() {
        Tenant tenant = api.newTenant();
        String dinner =
                new CatalogFixtures(api, tenant.adminKey()).service(fields("name", "Dinner", "duration_minutes", 90));
        assertThat(api.get(tenant.adminKey(), "/google-integration").code()).isEqualTo("not_found");
        String merchant = "m-" + UUID.randomUUID();
        Response put = put(
                tenant.adminKey(),
                merchant,
                true,
                List.of(fields("google_service_id", "dinner", "service_id", dinner)));
        TestApi.expect(put, 200);
        Response got = api.get(tenant.adminKey(), "/google-integration");
        TestApi.expect(got, 200);
        assertThat(got.get("merchant_id")).isEqualTo(merchant);
        assertThat(got.body().get("enabled").asBoolean()).isTrue();
        assertThat(got.body()
                        .get("service_mappings")
                        .get(0)
                        .get("google_service_id")
                        .asString())
                .isEqualTo("dinner");
        assertThat(got.body().get("service_mappings").get(0).get("service_id").asString())
                .isEqualTo(dinner);
        assertThat(got.get("organization_id")).isEqualTo(tenant.id().toString());

        TestApi.expect(put(tenant.adminKey(), merchant, false, List.of()), 200);
        assertThat(api.get(tenant.adminKey(), "/google-integration")
                        .body()
                        .get("service_mappings")
                        .size())
                .as("a PUT replaces the mappings")
                .isZero();
        assertThat(api.get(TestApi.PLATFORM_KEY, "/google-integration?organization_id=" + tenant.id())
                        .get("merchant_id"))
                .isEqualTo(merchant);
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndWriteNothing() {
        Tenant tenant = api.newTenant();
        Tenant other = api.newTenant();
        String dinner =
                new CatalogFixtures(api, tenant.adminKey()).service(fields("name", "Dinner", "duration_minutes", 90));
        String foreign =
                new CatalogFixtures(api, other.adminKey()).service(fields("name", "Theirs", "duration_minutes", 90));
        String merchant = "m-" + UUID.randomUUID();
        TestApi.expect(
                put(
                        tenant.adminKey(),
                        merchant,
                        true,
                        List.of(fields("google_service_id", "dinner", "service_id", dinner))),
                200);

        assertRefused(
                put(
                        tenant.adminKey(),
                        merchant,
                        true,
                        List.of(fields("google_service_id", "x", "service_id", foreign))),
                422,
                "service_mappings[0].service_id");
        assertRefused(
                put(
                        tenant.adminKey(),
                        merchant,
                        true,
                        List.of(fields("google_service_id", "x", "service_id", UUID.randomUUID()))),
                422,
                "service_mappings[0].service_id");
        assertRefused(
                put(
                        tenant.adminKey(),
                        merchant,
                        true,
                        List.of(
                                fields("google_service_id", "x", "service_id", dinner),
                                fields("google_service_id", "x", "service_id", dinner))),
                422,
                "service_mappings[1].google_service_id");
        assertRefused(put(tenant.adminKey(), null, true, List.of()), 422, "merchant_id");
        assertRefused(put(tenant.adminKey(), "has space", true, List.of()), 422, "merchant_id");
        assertRefused(put(other.adminKey(), merchant, true, List.of()), 409, "merchant_id");
        Response wrongType = api.send(
                tenant.adminKey(),
                "PUT",
                "/google-integration",
                "{\"merchant_id\": \"" + merchant + "\", \"enabled\": \"true\"}",
                Map.of());
        assertThat(wrongType.status()).isEqualTo(422);

        Response kept = api.get(tenant.adminKey(), "/google-integration");
        assertThat(kept.body().get("service_mappings").size())
                .as("nothing written")
                .isEqualTo(1);
        assertThat(kept.body().get("enabled").asBoolean()).isTrue();
        assertThat(api.get(other.adminKey(), "/google-integration").status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsTouchTheSettingAndOnlyThePlatformTheCredentials() {
        Tenant tenant = api.newTenant();
        String staff = api.newKey(tenant, "staff");
        assertThat(api.get(staff, "/google-integration").status()).isEqualTo(403);
        assertThat(put(staff, "m-" + UUID.randomUUID(), true, List.of()).status())
                .isEqualTo(403);
        assertThat(api.post(tenant.adminKey(), "/google-integration/partner-credentials", fields())
                        .status())
                .isEqualTo(403);
        assertThat(api.get(tenant.adminKey(), "/google-integration/partner-credentials")
                        .status())
                .isEqualTo(403);
        assertThat(api.get(null, "/google-integration").status()).isEqualTo(401);
    }

    @Test
    void theBookingServerNeedsAValidPartnerCredential() {
        String username = "g" + UUID.randomUUID().toString().substring(0, 8);
        Response issued =
                api.post(TestApi.PLATFORM_KEY, "/google-integration/partner-credentials", fields("username", username));
        TestApi.expect(issued, 201);
        String password = issued.get("password");
        assertThat(password).startsWith("gps_").hasSizeGreaterThan(40);
        assertThat(health(GoogleFixture.basic(username, password)).status()).isEqualTo(200);

        for (String wrong : List.of(
                GoogleFixture.basic(username, password + "x"),
                GoogleFixture.basic(username + "x", password),
                "Basic not-base64!",
                "Bearer " + TestApi.PLATFORM_KEY)) {
            Response refused = health(wrong);
            assertThat(refused.status()).as(wrong).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
            assertThat(refused.code()).isEqualTo("unauthorized");
        }
        Response none = api.send(null, "POST", "/google/v3/CreateBooking", "{}", Map.of());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");

        assertRefused(
                api.post(TestApi.PLATFORM_KEY, "/google-integration/partner-credentials", fields("username", "a:b")),
                422,
                "username");

        Response listed = api.get(TestApi.PLATFORM_KEY, "/google-integration/partner-credentials");
        TestApi.expect(listed, 200);
        assertThat(listed.text())
                .doesNotContain(password)
                .doesNotContain("password")
                .doesNotContain("hash");
    }

    @Test
    void rotatingKeepsThePreviousCredentialForTheOverlapThenOnlyTheNewOne() {
        String username = "g" + UUID.randomUUID().toString().substring(0, 8);
        Response first =
                api.post(TestApi.PLATFORM_KEY, "/google-integration/partner-credentials", fields("username", username));
        Response second =
                api.post(TestApi.PLATFORM_KEY, "/google-integration/partner-credentials", fields("username", username));
        TestApi.expect(second, 201);
        String firstAuth = GoogleFixture.basic(username, first.get("password"));
        String secondAuth = GoogleFixture.basic(username, second.get("password"));
        assertThat(health(firstAuth).status())
                .as("the old one during the overlap")
                .isEqualTo(200);
        assertThat(health(secondAuth).status()).isEqualTo(200);

        Instant issuedAt = Instant.parse(second.get("created_at"));
        Instant previousUntil = Instant.parse(second.get("previous_expire_at"));
        assertThat(Duration.between(issuedAt, previousUntil)).isEqualTo(Duration.ofDays(7));
        assertThat(repository.validHashes(username, previousUntil.minusSeconds(1)))
                .hasSize(2);
        assertThat(repository.validHashes(username, previousUntil.plusSeconds(1)))
                .as("after the overlap only the new credential")
                .hasSize(1);

        TestApi.expect(
                api.delete(TestApi.PLATFORM_KEY, "/google-integration/partner-credentials/" + first.get("id")), 200);
        assertThat(health(firstAuth).status()).as("revoked at once").isEqualTo(401);
        assertThat(health(secondAuth).status()).isEqualTo(200);
        assertThat(api.delete(TestApi.PLATFORM_KEY, "/google-integration/partner-credentials/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aDisabledMerchantIsUnknownToGoogle() {
        GoogleFixture google = new GoogleFixture(api);
        long start = GoogleFixture.startSec(2, "19:00");
        TestApi.expect(google.call("CheckAvailability", fields("slot", google.slot(start, 2))), 200);
        TestApi.expect(
                api.send(
                        google.tenant.adminKey(),
                        "PUT",
                        "/google-integration",
                        TestApi.json(fields(
                                "merchant_id",
                                google.merchantId,
                                "enabled",
                                false,
                                "service_mappings",
                                List.of(fields("google_service_id", "dinner", "service_id", google.dinner)))),
                        Map.of()),
                200);
        Response refused = google.call("CheckAvailability", fields("slot", google.slot(start, 2)));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.code()).isEqualTo("not_found");
    }

    private Response health(String authorization) {
        return api.send(null, "GET", "/google/v3/HealthCheck", null, Map.of("Authorization", authorization));
    }

    private Response put(String key, String merchant, boolean enabled, List<Map<String, Object>> mappings) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("merchant_id", merchant);
        body.put("enabled", enabled);
        body.put("service_mappings", mappings);
        return api.send(key, "PUT", "/google-integration", TestApi.json(body), Map.of());
    }

    private static void assertRefused(Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.text()).as(response.text()).contains("\"field\":\"" + field + "\"");
    }
}

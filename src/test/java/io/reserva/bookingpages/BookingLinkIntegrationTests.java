package io.reserva.bookingpages;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** /reservation-booking-links: the API-key CRUD of booking pages, its checks and its tenancy. */
@IntegrationTest
class BookingLinkIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String key;
    String service;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        service = new CatalogFixtures(api, key).service(fields("name", "Dinner", "duration_minutes", 90));
    }

    @Test
    void createReadListChangeAndDelete() {
        Response created = api.post(
                key,
                "/reservation-booking-links",
                fields(
                        "name", "Dinner page",
                        "slug", "dinner-2",
                        "mode", "selected_services",
                        "page_config",
                                fields(
                                        "hero_title", "  Book a table  ",
                                        "primary_color", "#1F6FEB",
                                        "booking_service_ids", List.of(service),
                                        "locale", "es",
                                        "logo_url", "/uploads/x.png",
                                        "cover_url", "https://cdn.example.com/cover.jpg")));
        TestApi.expect(created, 201);
        JsonNode link = created.body();
        assertThat(link.get("is_active").asBoolean()).isTrue();
        assertThat(link.get("page_path").asString()).isEqualTo("/b/" + tenant.id() + "/dinner-2");
        assertThat(link.get("page_config").get("hero_title").asString()).isEqualTo("Book a table");
        assertThat(link.get("page_config").get("primary_color").asString()).isEqualTo("#1f6feb");
        String id = link.get("id").asString();
        assertThat(api.get(key, "/reservation-booking-links/" + id).body()).isEqualTo(link);
        assertThat(api.get(key, "/reservation-booking-links?slug=dinner-2")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get(key, "/reservation-booking-links?searchTerm=dinner")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);

        Response single = api.patch(
                key,
                "/reservation-booking-links/" + id,
                fields("mode", "single_service", "service_id", service, "is_active", false));
        TestApi.expect(single, 200);
        assertThat(single.body().get("service_id").asString()).isEqualTo(service);
        assertThat(single.body().get("page_config").get("booking_service_ids").isNull())
                .as("the selection goes with the mode")
                .isTrue();
        assertThat(single.body().get("page_config").get("locale").asString()).isEqualTo("es");
        Response all = api.patch(key, "/reservation-booking-links/" + id, fields("mode", "all_services"));
        TestApi.expect(all, 200);
        assertThat(all.body().get("service_id").isNull()).isTrue();

        TestApi.expect(api.delete(key, "/reservation-booking-links/" + id), 200);
        assertThat(api.get(key, "/reservation-booking-links/" + id).status()).isEqualTo(404);
    }

    @Test
    void everyBadFieldIsNamed() {
        Tenant other = api.newTenant();
        String foreignService =
                new CatalogFixtures(api, other.adminKey()).service(fields("name", "Theirs", "duration_minutes", 30));
        Map<String, Object> config = new java.util.LinkedHashMap<>();
        config.put("primary_color", "red; background:url(x)");
        config.put("locale", "fr");
        config.put("logo_url", "javascript:alert(1)");
        config.put("cover_url", "//evil.example.com/x.png");
        config.put("hero_title", "x".repeat(201));
        config.put("booking_service_ids", List.of(foreignService));
        Response bad = api.post(
                key,
                "/reservation-booking-links",
                fields("name", " ", "slug", "Dinner Page", "mode", "selected_services", "page_config", config));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.code()).isEqualTo("validation_failed");
        assertThat(fieldsOf(bad))
                .containsExactlyInAnyOrder(
                        "name",
                        "slug",
                        "page_config.primary_color",
                        "page_config.locale",
                        "page_config.logo_url",
                        "page_config.cover_url",
                        "page_config.hero_title",
                        "page_config.booking_service_ids[0]");

        assertThat(fieldsOf(api.post(
                        key, "/reservation-booking-links", fields("name", "x", "slug", "x", "mode", "single_service"))))
                .containsExactly("service_id");
        assertThat(fieldsOf(api.post(
                        key,
                        "/reservation-booking-links",
                        fields("name", "x", "slug", "x", "mode", "single_service", "service_id", foreignService))))
                .containsExactly("service_id");
        assertThat(fieldsOf(api.post(
                        key,
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "x",
                                "slug",
                                "x",
                                "mode",
                                "selected_services",
                                "page_config",
                                fields("booking_service_ids", List.of())))))
                .containsExactly("page_config.booking_service_ids");
        assertThat(fieldsOf(api.post(
                        key, "/reservation-booking-links", fields("name", "x", "slug", "x", "service_id", service))))
                .containsExactly("service_id");
        assertThat(fieldsOf(api.post(key, "/reservation-booking-links", fields("name", "x", "slug", "-x-"))))
                .containsExactly("slug");
        Response mode = api.post(key, "/reservation-booking-links", fields("name", "x", "slug", "x", "mode", "some"));
        assertThat(mode.status()).isIn(400, 422);
        assertThat(mode.text()).contains("mode");
        assertThat(api.get(key, "/reservation-booking-links")
                        .body()
                        .get("total")
                        .asInt())
                .as("nothing was created")
                .isZero();
    }

    @Test
    void aSlugIsUniqueInItsOrganizationOnly() {
        TestApi.expect(api.post(key, "/reservation-booking-links", fields("name", "A", "slug", "dinner")), 201);
        Response again = api.post(key, "/reservation-booking-links", fields("name", "B", "slug", "dinner"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(fieldsOf(again)).containsExactly("slug");
        Response other = api.post(key, "/reservation-booking-links", fields("name", "B", "slug", "lunch"));
        Response renamed = api.patch(key, "/reservation-booking-links/" + other.get("id"), fields("slug", "dinner"));
        assertThat(renamed.status()).isEqualTo(409);
        Tenant second = api.newTenant();
        TestApi.expect(
                api.post(second.adminKey(), "/reservation-booking-links", fields("name", "A", "slug", "dinner")), 201);
    }

    @Test
    void anotherOrganizationsLinkIsNotFound() {
        String id = api.post(key, "/reservation-booking-links", fields("name", "A", "slug", "a"))
                .get("id");
        Tenant other = api.newTenant();
        String theirs = other.adminKey();
        assertThat(api.get(theirs, "/reservation-booking-links/" + id).status()).isEqualTo(404);
        assertThat(api.patch(theirs, "/reservation-booking-links/" + id, fields("name", "B"))
                        .status())
                .isEqualTo(404);
        assertThat(api.delete(theirs, "/reservation-booking-links/" + id).status())
                .isEqualTo(404);
        assertThat(api.get(theirs, "/reservation-booking-links")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.get(key, "/reservation-booking-links/" + id).status()).isEqualTo(200);
        String readOnly = api.newKey(tenant, "read_only");
        assertThat(api.post(readOnly, "/reservation-booking-links", fields("name", "C", "slug", "c"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get(null, "/reservation-booking-links").status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheNewEndpoints() {
        JsonNode paths = api.get(null, "/openapi.json").body().get("paths");
        assertThat(paths.has("/reservation-booking-links")).isTrue();
        assertThat(paths.has("/reservation-booking-links/{id}")).isTrue();
        assertThat(paths.has("/s3-url-signing")).isTrue();
        assertThat(paths.has("/uploads/{organization_id}/{type}/{file_name}")).isTrue();
        String publicBase = "/public/booking-links/{organization_id}/{slug}";
        for (String path : List.of(
                publicBase,
                publicBase + "/slots",
                publicBase + "/holds",
                publicBase + "/bookings/{token}",
                publicBase + "/bookings/{token}/confirm",
                publicBase + "/bookings/{token}/cancel",
                publicBase + "/bookings/{token}/reschedule")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode hold = paths.get(publicBase + "/holds").get("post");
        assertThat(hold.get("security").size()).as("public: no API key").isZero();
        assertThat(hold.get("requestBody").toString()).contains("examples");
        assertThat(paths.get("/s3-url-signing").get("post").get("requestBody").toString())
                .contains("booking-link-logo");
        assertThat(paths.has("/b/{organization_id}/{slug}"))
                .as("HTML pages are not API")
                .isFalse();
    }

    private static List<String> fieldsOf(Response response) {
        assertThat(response.status()).as(response.text()).isIn(409, 422);
        List<String> names = new ArrayList<>();
        response.body()
                .get("errors")
                .forEach(error -> names.add(error.get("field").asString()));
        return names;
    }
}

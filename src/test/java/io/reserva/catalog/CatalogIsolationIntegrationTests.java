package io.reserva.catalog;

import static io.reserva.support.TestApi.expect;
import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A key of one organization never reads, changes or refers to another's catalog, and cannot tell it exists. */
@IntegrationTest
class CatalogIsolationIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    CatalogApi catalog;
    Tenant mine;
    Tenant theirs;
    String myService;
    String myResource;
    String theirService;
    String theirResource;
    Map<String, String> theirRows;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        catalog = new CatalogApi(api);
        mine = api.newTenant();
        theirs = api.newTenant();
        String me = mine.adminKey();
        myService = catalog.service(me, "My service");
        myResource = catalog.resource(me, "My resource", "room");
        catalog.link(me, myService, myResource, "required");
        catalog.window(me, myResource, 1, "09:00", "17:00");
        catalog.exception(me, myResource, "2031-02-02");

        String they = theirs.adminKey();
        theirService = catalog.service(they, "Their service");
        theirResource = catalog.resource(they, "Their resource", "room");
        theirRows = Map.of(
                "/reservation-services", theirService,
                "/reservation-resources", theirResource,
                "/reservation-service-resources", catalog.link(they, theirService, theirResource, "required"),
                "/reservation-resource-availability", catalog.window(they, theirResource, 1, "09:00", "17:00"),
                "/reservation-resource-exceptions", catalog.exception(they, theirResource, "2031-02-02"));
    }

    @Test
    void anotherOrganizationsRowsAreNotFoundAndStayUnchanged() {
        Map<String, Map<String, Object>> harmlessChanges = Map.of(
                "/reservation-services", fields("name", "Hijacked"),
                "/reservation-resources", fields("name", "Hijacked"),
                "/reservation-service-resources", fields("quantity", 1),
                "/reservation-resource-availability", fields("end_time", "18:00"),
                "/reservation-resource-exceptions", fields("reason", "Hijacked"));
        theirRows.forEach((path, id) -> {
            Response before = api.get(theirs.adminKey(), path + "/" + id);
            expect(before, 200);

            assertNotFound(api.get(mine.adminKey(), path + "/" + id), path);
            assertNotFound(api.patch(mine.adminKey(), path + "/" + id, harmlessChanges.get(path)), path);
            assertNotFound(api.delete(mine.adminKey(), path + "/" + id), path);
            assertNotFound(api.get(mine.adminKey(), path + "?organization_id=" + theirs.id()), path);

            assertThat(api.get(theirs.adminKey(), path + "/" + id).body())
                    .as(path)
                    .isEqualTo(before.body());
        });
    }

    @Test
    void aMissingIdLooksTheSameAsAForeignOne() {
        Response missing = api.get(mine.adminKey(), "/reservation-services/0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b");
        Response foreign = api.get(mine.adminKey(), "/reservation-services/" + theirService);
        assertThat(missing.status()).isEqualTo(foreign.status()).isEqualTo(404);
        assertThat(missing.get("title")).isEqualTo(foreign.get("title"));
    }

    @Test
    void listsShowOnlyYourOwnRows() {
        for (String path : theirRows.keySet()) {
            List<String> organizations = catalog.list(mine.adminKey(), path).stream()
                    .map(row -> row.get("organization_id").asString())
                    .toList();
            assertThat(organizations).as(path).containsExactly(mine.id().toString());
            assertThat(catalog.list(mine.adminKey(), path + "?organization_id=" + mine.id()))
                    .as(path)
                    .hasSize(1);
        }
    }

    @Test
    void anotherOrganizationsIdsCannotBeUsedInABody() {
        String me = mine.adminKey();
        assertNotFound(
                api.post(
                        me,
                        "/reservation-service-resources",
                        fields("service_id", theirService, "resource_id", myResource)),
                "link to their service");
        assertNotFound(
                api.post(
                        me,
                        "/reservation-service-resources",
                        fields("service_id", myService, "resource_id", theirResource)),
                "link to their resource");
        assertNotFound(
                api.post(
                        me,
                        "/reservation-resource-availability",
                        fields(
                                "resource_id",
                                theirResource,
                                "day_of_week",
                                2,
                                "start_time",
                                "09:00",
                                "end_time",
                                "10:00")),
                "hours of their resource");
        assertNotFound(
                api.post(
                        me,
                        "/reservation-resource-exceptions",
                        fields("resource_id", theirResource, "date", "2031-04-04", "exception_type", "blocked")),
                "exception of their resource");
        Response week = api.send(
                me,
                "PUT",
                "/reservation-resource-availability/week",
                TestApi.json(fields("resource_id", theirResource, "windows", List.of())),
                Map.of());
        assertNotFound(week, "week of their resource");
        assertNotFound(
                api.post(
                        me,
                        "/reservation-services",
                        fields("organization_id", theirs.id(), "name", "Sneaky", "duration_minutes", 30)),
                "service in their organization");

        // Nothing of theirs changed: their resource keeps its one window and one exception.
        assertThat(catalog.list(theirs.adminKey(), "/reservation-resource-availability"))
                .hasSize(1);
        assertThat(catalog.list(theirs.adminKey(), "/reservation-resource-exceptions"))
                .hasSize(1);
        assertThat(catalog.list(theirs.adminKey(), "/reservation-service-resources"))
                .hasSize(1);
        assertThat(catalog.list(theirs.adminKey(), "/reservation-services")).hasSize(1);
    }

    @Test
    void aPlatformKeyNamesTheOrganization() {
        Response created = api.post(
                TestApi.PLATFORM_KEY,
                "/reservation-resources",
                fields("organization_id", theirs.id(), "name", "Made by the platform", "resource_type", "room"));
        expect(created, 201);
        assertThat(created.get("organization_id")).isEqualTo(theirs.id().toString());
        Response unnamed = api.post(
                TestApi.PLATFORM_KEY, "/reservation-resources", fields("name", "Nowhere", "resource_type", "room"));
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(catalog.list(TestApi.PLATFORM_KEY, "/reservation-resources?organization_id=" + theirs.id()))
                .hasSize(2);
    }

    private static void assertNotFound(Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.text()).isEqualTo(404);
        assertThat(response.code()).as(what).isEqualTo("not_found");
    }
}

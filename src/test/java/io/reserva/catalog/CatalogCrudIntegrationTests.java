package io.reserva.catalog;

import static io.reserva.support.TestApi.expect;
import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Each catalog endpoint creates, reads, lists, changes and deletes, with the documented defaults. */
@IntegrationTest
class CatalogCrudIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    CatalogApi catalog;
    Tenant tenant;
    String key;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        catalog = new CatalogApi(api);
        tenant = api.newTenant();
        key = tenant.adminKey();
    }

    @Test
    void serviceRoundTrip() {
        Response created = api.post(
                key,
                "/reservation-services",
                fields(
                        "name",
                        " Dinner ",
                        "duration_minutes",
                        90,
                        "slot_interval",
                        15,
                        "max_party_size",
                        6,
                        "durations_by_party_size",
                        List.of(
                                fields("max_party_size", 6, "duration_minutes", 150),
                                fields("max_party_size", 2, "duration_minutes", 90)),
                        "price",
                        45.5,
                        "color",
                        "#3B82F6"));
        expect(created, 201);
        JsonNode service = created.body();
        assertThat(service.get("organization_id").asString())
                .isEqualTo(tenant.id().toString());
        assertThat(service.get("name").asString()).isEqualTo("Dinner");
        assertThat(service.get("buffer_before_minutes").asInt()).isZero();
        assertThat(service.get("buffer_after_minutes").asInt()).isZero();
        assertThat(service.get("min_party_size").asInt()).isEqualTo(1);
        assertThat(service.get("slot_capacity").isNull()).isTrue();
        assertThat(service.get("seating").asString()).isEqualTo("separate");
        assertThat(service.get("currency").asString()).isEqualTo("EUR");
        assertThat(service.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(service.get("min_advance_hours").asInt()).isZero();
        assertThat(service.get("max_advance_days").isNull()).isTrue();
        assertThat(service.get("requires_confirmation").asBoolean()).isFalse();
        assertThat(service.get("allow_cancellation").asBoolean()).isTrue();
        assertThat(service.get("is_public").asBoolean()).isTrue();
        assertThat(service.get("is_active").asBoolean()).isTrue();
        assertThat(service.get("price").decimalValue()).isEqualByComparingTo("45.50");
        assertThat(service.get("durations_by_party_size")
                        .get(0)
                        .get("max_party_size")
                        .asInt())
                .isEqualTo(2);
        assertThat(service.get("durations_by_party_size")
                        .get(1)
                        .get("duration_minutes")
                        .asInt())
                .isEqualTo(150);

        String id = service.get("id").asString();
        Response read = api.get(key, "/reservation-services/" + id);
        expect(read, 200);
        assertThat(read.body()).isEqualTo(service);
        assertThat(catalog.ids(key, "/reservation-services?is_active=true&searchTerm=dinn"))
                .containsExactly(id);
        assertThat(catalog.ids(key, "/reservation-services?seating=shared")).isEmpty();

        Response changed = api.patch(
                key, "/reservation-services/" + id, fields("name", "Late dinner", "slot_capacity", 3, "price", null));
        expect(changed, 200);
        assertThat(changed.get("name")).isEqualTo("Late dinner");
        assertThat(changed.body().get("slot_capacity").asInt()).isEqualTo(3);
        assertThat(changed.body().get("price").isNull()).isTrue();
        assertThat(changed.body().get("duration_minutes").asInt()).isEqualTo(90);
        assertThat(changed.body().get("durations_by_party_size")).isEqualTo(service.get("durations_by_party_size"));
        assertThat(api.get(key, "/reservation-services/" + id).body()).isEqualTo(changed.body());

        Response deleted = api.delete(key, "/reservation-services/" + id);
        expect(deleted, 200);
        assertThat(deleted.body()).isEqualTo(changed.body());
        assertThat(api.get(key, "/reservation-services/" + id).status()).isEqualTo(404);
    }

    @Test
    void resourceRoundTrip() {
        Response created = api.post(
                key,
                "/reservation-resources",
                fields("name", "Table 4", "resource_type", "table", "capacity", 4, "min_party_size", 3));
        expect(created, 201);
        String id = created.get("id");
        assertThat(created.body().get("units").asInt()).isEqualTo(1);
        assertThat(created.get("timezone")).isEqualTo("Europe/Berlin");
        assertThat(created.body().get("is_active").asBoolean()).isTrue();
        assertThat(created.body().get("user_id").isNull()).isTrue();
        assertThat(api.get(key, "/reservation-resources/" + id).body()).isEqualTo(created.body());
        catalog.resource(key, "Ana", "person");
        assertThat(catalog.ids(key, "/reservation-resources?resource_type=table"))
                .containsExactly(id);

        Response changed = api.patch(
                key,
                "/reservation-resources/" + id,
                fields("units", 3, "resource_type", "massage_bed", "capacity", null));
        expect(changed, 200);
        assertThat(changed.body().get("units").asInt()).isEqualTo(3);
        assertThat(changed.get("resource_type")).isEqualTo("massage_bed");
        assertThat(changed.body().get("capacity").isNull()).isTrue();
        assertThat(changed.body().get("min_party_size").asInt()).isEqualTo(3);
        assertThat(api.get(key, "/reservation-resources/" + id).body()).isEqualTo(changed.body());

        expect(api.delete(key, "/reservation-resources/" + id), 200);
        assertThat(api.get(key, "/reservation-resources/" + id).status()).isEqualTo(404);
    }

    @Test
    void linkRoundTrip() {
        String service = catalog.service(key, "Massage");
        String resource = catalog.resource(key, "Bed", "massage_bed");
        expect(api.patch(key, "/reservation-resources/" + resource, fields("units", 2)), 200);
        Response created =
                api.post(key, "/reservation-service-resources", fields("service_id", service, "resource_id", resource));
        expect(created, 201);
        String id = created.get("id");
        assertThat(created.get("assignment_mode")).isEqualTo("required");
        assertThat(created.body().get("quantity").asInt()).isEqualTo(1);
        assertThat(api.get(key, "/reservation-service-resources/" + id).body()).isEqualTo(created.body());
        assertThat(catalog.ids(key, "/reservation-service-resources?service_id=" + service))
                .containsExactly(id);

        Response changed = api.patch(
                key, "/reservation-service-resources/" + id, fields("quantity", 2, "assignment_mode", "optional"));
        expect(changed, 200);
        assertThat(changed.get("assignment_mode")).isEqualTo("optional");
        assertThat(changed.body().get("quantity").asInt()).isEqualTo(2);
        assertThat(catalog.ids(key, "/reservation-service-resources?assignment_mode=optional"))
                .containsExactly(id);

        expect(api.delete(key, "/reservation-service-resources/" + id), 200);
        assertThat(catalog.ids(key, "/reservation-service-resources")).isEmpty();
    }

    @Test
    void aServiceIsLinkedToAResourceOnce() {
        String service = catalog.service(key, "Massage");
        String resource = catalog.resource(key, "Bed", "massage_bed");
        catalog.link(key, service, resource, "required");
        Response again = api.post(
                key,
                "/reservation-service-resources",
                fields("service_id", service, "resource_id", resource, "assignment_mode", "optional"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("conflict");
        assertThat(catalog.list(key, "/reservation-service-resources")).hasSize(1);
    }

    @Test
    void anyAvailableStandsForTheTypeSoASecondOneOfThatTypeIsRefused() {
        String dinner = catalog.service(key, "Dinner");
        String table1 = catalog.resource(key, "Table 1", "table");
        String table2 = catalog.resource(key, "Table 2", "table");
        String terrace = catalog.resource(key, "Terrace", "terrace");
        catalog.link(key, dinner, table1, "any_available");

        Response second = api.post(
                key,
                "/reservation-service-resources",
                fields("service_id", dinner, "resource_id", table2, "assignment_mode", "any_available"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("conflict");
        assertThat(second.get("detail")).contains("quantity");

        catalog.link(key, dinner, table2, "optional");
        String terraceLink = catalog.link(key, dinner, terrace, "any_available");
        // The terrace becoming a table would make two any_available table links.
        Response retype = api.patch(key, "/reservation-resources/" + terrace, fields("resource_type", "table"));
        assertThat(retype.status()).isEqualTo(409);
        assertThat(api.get(key, "/reservation-resources/" + terrace).get("resource_type"))
                .isEqualTo("terrace");
        // Nor may the optional table link turn into a second any_available one.
        String optionalLink = catalog.list(key, "/reservation-service-resources?resource_id=" + table2)
                .get(0)
                .get("id")
                .asString();
        assertThat(api.patch(
                                key,
                                "/reservation-service-resources/" + optionalLink,
                                fields("assignment_mode", "any_available"))
                        .status())
                .isEqualTo(409);
        assertThat(terraceLink).isNotNull();
    }

    @Test
    void quantityIsBoundByUnitsExceptForAnyAvailable() {
        String service = catalog.service(key, "Presentation");
        String projector = catalog.resource(key, "Projectors", "equipment");
        expect(api.patch(key, "/reservation-resources/" + projector, fields("units", 2)), 200);
        Response tooMany = api.post(
                key,
                "/reservation-service-resources",
                fields("service_id", service, "resource_id", projector, "quantity", 3));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().get("errors").get(0).get("field").asString()).isEqualTo("quantity");

        Response two = api.post(
                key,
                "/reservation-service-resources",
                fields("service_id", service, "resource_id", projector, "quantity", 2));
        expect(two, 201);
        // The link needs two units, so the resource cannot drop to one.
        Response fewer = api.patch(key, "/reservation-resources/" + projector, fields("units", 1));
        assertThat(fewer.status()).isEqualTo(422);
        assertThat(fewer.body().get("errors").get(0).get("field").asString()).isEqualTo("units");

        String room = catalog.resource(key, "Room A", "room");
        expect(
                api.post(
                        key,
                        "/reservation-service-resources",
                        fields(
                                "service_id",
                                service,
                                "resource_id",
                                room,
                                "assignment_mode",
                                "any_available",
                                "quantity",
                                3)),
                201);
    }

    @Test
    void weeklyWindowRoundTripAndBusinessHours() {
        String resource = catalog.resource(key, "Table 1", "table");
        Response created = api.post(
                key,
                "/reservation-resource-availability",
                fields("resource_id", resource, "day_of_week", 5, "start_time", "19:30", "end_time", "02:00"));
        expect(created, 201);
        String id = created.get("id");
        assertThat(created.get("start_time")).isEqualTo("19:30");
        assertThat(created.get("end_time")).isEqualTo("02:00");
        assertThat(created.body().get("day_of_week").asInt()).isEqualTo(5);
        assertThat(api.get(key, "/reservation-resource-availability/" + id).body())
                .isEqualTo(created.body());

        Response business = api.post(
                key,
                "/reservation-resource-availability",
                fields("day_of_week", 1, "start_time", "09:00", "end_time", "18:00"));
        expect(business, 201);
        assertThat(business.body().get("resource_id").isNull()).isTrue();
        assertThat(catalog.ids(key, "/reservation-resource-availability?resource_id=null"))
                .containsExactly(business.get("id"));
        assertThat(catalog.ids(key, "/reservation-resource-availability?resource_id=" + resource))
                .containsExactly(id);
        assertThat(catalog.ids(key, "/reservation-resource-availability?start_time[$gte]=12:00"))
                .containsExactly(id);

        Response changed = api.patch(key, "/reservation-resource-availability/" + id, fields("end_time", "00:00"));
        expect(changed, 200);
        assertThat(changed.get("end_time")).isEqualTo("00:00");
        assertThat(changed.get("start_time")).isEqualTo("19:30");

        expect(api.delete(key, "/reservation-resource-availability/" + id), 200);
        assertThat(api.get(key, "/reservation-resource-availability/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void exceptionRoundTrip() {
        String resource = catalog.resource(key, "Ana", "person");
        Response created = api.post(
                key,
                "/reservation-resource-exceptions",
                fields(
                        "resource_id", resource,
                        "date", "2031-12-24",
                        "exception_type", "special_hours",
                        "start_time", "10:00",
                        "end_time", "14:00",
                        "reason", "Christmas Eve"));
        expect(created, 201);
        String id = created.get("id");
        assertThat(created.body().get("is_recurring_yearly").asBoolean()).isFalse();
        assertThat(created.get("start_time")).isEqualTo("10:00");
        assertThat(api.get(key, "/reservation-resource-exceptions/" + id).body())
                .isEqualTo(created.body());
        String other = catalog.exception(key, null, "2031-01-01");
        assertThat(catalog.ids(key, "/reservation-resource-exceptions?date[$gte]=2031-06-01"))
                .containsExactly(id);
        assertThat(catalog.ids(key, "/reservation-resource-exceptions?exception_type=blocked&resource_id=null"))
                .containsExactly(other);
        assertThat(catalog.ids(key, "/reservation-resource-exceptions?searchTerm=eve"))
                .containsExactly(id);

        Response blocked = api.patch(
                key,
                "/reservation-resource-exceptions/" + id,
                fields("exception_type", "blocked", "is_recurring_yearly", true));
        expect(blocked, 200);
        assertThat(blocked.body().get("start_time").isNull()).isTrue();
        assertThat(blocked.body().get("end_time").isNull()).isTrue();
        assertThat(blocked.body().get("is_recurring_yearly").asBoolean()).isTrue();
        assertThat(blocked.get("reason")).isEqualTo("Christmas Eve");

        expect(api.delete(key, "/reservation-resource-exceptions/" + id), 200);
        assertThat(catalog.ids(key, "/reservation-resource-exceptions")).containsExactly(other);
    }

    @Test
    void deletingAResourceDeletesItsLinksHoursAndExceptions() {
        String service = catalog.service(key, "Haircut");
        String ana = catalog.resource(key, "Ana", "person");
        String bruno = catalog.resource(key, "Bruno", "person");
        catalog.link(key, service, ana, "required");
        String brunoLink = catalog.link(key, service, bruno, "optional");
        catalog.window(key, ana, 1, "09:00", "18:00");
        String brunoWindow = catalog.window(key, bruno, 1, "09:00", "18:00");
        catalog.exception(key, ana, "2031-03-03");
        String brunoException = catalog.exception(key, bruno, "2031-03-03");

        expect(api.delete(key, "/reservation-resources/" + ana), 200);

        assertThat(catalog.ids(key, "/reservation-service-resources")).containsExactly(brunoLink);
        assertThat(catalog.ids(key, "/reservation-resource-availability")).containsExactly(brunoWindow);
        assertThat(catalog.ids(key, "/reservation-resource-exceptions")).containsExactly(brunoException);
        expect(api.get(key, "/reservation-services/" + service), 200);
    }

    @Test
    void deletingAServiceDeletesItsLinksButNotTheResources() {
        String haircut = catalog.service(key, "Haircut");
        String color = catalog.service(key, "Color");
        String ana = catalog.resource(key, "Ana", "person");
        catalog.link(key, haircut, ana, "required");
        String colorLink = catalog.link(key, color, ana, "required");

        expect(api.delete(key, "/reservation-services/" + haircut), 200);

        assertThat(catalog.ids(key, "/reservation-service-resources")).containsExactly(colorLink);
        expect(api.get(key, "/reservation-resources/" + ana), 200);
    }

    @Test
    void staffKeepTheScheduleButNotTheCatalogAndReadOnlyKeysOnlyRead() {
        String staff = api.newKey(tenant, "staff");
        String readOnly = api.newKey(tenant, "read_only");
        String ana = catalog.resource(key, "Ana", "person");
        String service = catalog.service(key, "Haircut");

        Response staffService =
                api.post(staff, "/reservation-services", fields("name", "Shave", "duration_minutes", 15));
        assertThat(staffService.status()).isEqualTo(403);
        assertThat(staffService.code()).isEqualTo("forbidden");
        assertThat(api.post(staff, "/reservation-resources", fields("name", "Bruno", "resource_type", "person"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(staff, "/reservation-service-resources", fields("service_id", service, "resource_id", ana))
                        .status())
                .isEqualTo(403);
        assertThat(api.patch(staff, "/reservation-services/" + service, fields("name", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(api.delete(staff, "/reservation-resources/" + ana).status()).isEqualTo(403);

        String dayOff = catalog.exception(staff, ana, "2031-05-05");
        String window = catalog.window(staff, ana, 2, "09:00", "17:00");
        expect(api.patch(staff, "/reservation-resource-availability/" + window, fields("end_time", "18:00")), 200);

        assertThat(catalog.list(readOnly, "/reservation-services")).hasSize(1);
        assertThat(catalog.list(readOnly, "/reservation-resource-exceptions")).hasSize(1);
        expect(api.get(readOnly, "/reservation-resources/" + ana), 200);
        Response readOnlyException = api.post(
                readOnly,
                "/reservation-resource-exceptions",
                fields("date", "2031-05-06", "exception_type", "blocked"));
        assertThat(readOnlyException.status()).isEqualTo(403);
        assertThat(api.delete(readOnly, "/reservation-resource-exceptions/" + dayOff)
                        .status())
                .isEqualTo(403);
        assertThat(catalog.list(key, "/reservation-resource-exceptions")).hasSize(1);
    }
}

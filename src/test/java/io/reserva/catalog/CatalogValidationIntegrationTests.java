package io.reserva.catalog;

import static io.reserva.support.TestApi.expect;
import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Invalid catalog input is a 422 naming every offending field, and nothing is stored. */
@IntegrationTest
class CatalogValidationIntegrationTests {

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
    void everyBadFieldOfAServiceIsNamed() {
        Response response = api.post(
                key,
                "/reservation-services",
                fields(
                        "name", "Dinner",
                        "duration_minutes", 0,
                        "buffer_before_minutes", -1,
                        "buffer_after_minutes", 1441,
                        "slot_interval", 2000,
                        "slot_capacity", 0,
                        "max_party_size", 2,
                        "min_party_size", 5,
                        "durations_by_party_size",
                                List.of(
                                        fields("max_party_size", 2, "duration_minutes", 90),
                                        fields("max_party_size", 2, "duration_minutes", 0)),
                        "max_participants_per_slot", 10,
                        "price", 1.234,
                        "currency", "EURO",
                        "max_advance_days", 4000,
                        "min_advance_hours", -1,
                        "cancellation_deadline_hours", -2,
                        "color", "blue",
                        "image_url", "ftp://example.com/x.png",
                        "timezone", "+02:00"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(errorFields(response))
                .containsExactlyInAnyOrder(
                        "duration_minutes",
                        "buffer_before_minutes",
                        "buffer_after_minutes",
                        "slot_interval",
                        "slot_capacity",
                        "min_party_size",
                        "durations_by_party_size[1].duration_minutes",
                        "durations_by_party_size[1].max_party_size",
                        "max_participants_per_slot",
                        "price",
                        "currency",
                        "max_advance_days",
                        "min_advance_hours",
                        "cancellation_deadline_hours",
                        "color",
                        "image_url",
                        "timezone");
        assertThat(catalog.list(key, "/reservation-services")).isEmpty();
    }

    @Test
    void requiredFieldsAreNamedTogether() {
        Response service = api.post(key, "/reservation-services", fields("description", "nameless"));
        assertThat(service.status()).isEqualTo(422);
        assertThat(errorFields(service)).containsExactlyInAnyOrder("name", "duration_minutes");

        Response resource = api.post(key, "/reservation-resources", fields("name", " "));
        assertThat(resource.status()).isEqualTo(422);
        assertThat(errorFields(resource)).containsExactlyInAnyOrder("name", "resource_type");

        Response window = api.post(key, "/reservation-resource-availability", fields("day_of_week", 7));
        assertThat(window.status()).isEqualTo(422);
        assertThat(errorFields(window)).containsExactlyInAnyOrder("day_of_week", "start_time", "end_time");
        assertThat(catalog.list(key, "/reservation-resources")).isEmpty();
        assertThat(catalog.list(key, "/reservation-resource-availability")).isEmpty();
    }

    @Test
    void wrongTypesAndUnknownValuesAreNamed() {
        Response seating = api.post(
                key, "/reservation-services", fields("name", "Tour", "duration_minutes", 60, "seating", "mixed"));
        assertThat(seating.status()).isEqualTo(422);
        assertThat(errorFields(seating)).containsExactly("seating");

        Response seconds = api.post(
                key,
                "/reservation-resource-availability",
                fields("day_of_week", 1, "start_time", "09:00:30", "end_time", "17:00"));
        assertThat(seconds.status()).isEqualTo(422);
        assertThat(errorFields(seconds)).containsExactly("start_time");

        Response hour = api.post(
                key,
                "/reservation-resource-availability",
                fields("day_of_week", 1, "start_time", "24:00", "end_time", "17:00"));
        assertThat(hour.status()).isEqualTo(422);

        Response unknown = api.post(
                key, "/reservation-resources", fields("name", "Room", "resource_type", "room", "colour", "red"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(errorFields(unknown)).containsExactly("colour");

        Response date = api.post(
                key, "/reservation-resource-exceptions", fields("date", "25/12/2031", "exception_type", "blocked"));
        assertThat(date.status()).isEqualTo(422);
        assertThat(errorFields(date)).containsExactly("date");
        assertThat(catalog.list(key, "/reservation-services")).isEmpty();
        assertThat(catalog.list(key, "/reservation-resources")).isEmpty();
    }

    @Test
    void everyBadFieldOfAResourceIsNamed() {
        Response response = api.post(
                key,
                "/reservation-resources",
                fields(
                        "name",
                        "Big table",
                        "resource_type",
                        "Big Table",
                        "capacity",
                        4,
                        "min_party_size",
                        6,
                        "units",
                        1001,
                        "timezone",
                        "Mars/Olympus"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(errorFields(response))
                .containsExactlyInAnyOrder("resource_type", "min_party_size", "units", "timezone");
        assertThat(catalog.list(key, "/reservation-resources")).isEmpty();
    }

    @Test
    void aPatchIsCheckedWholeAndChangesNothingWhenInvalid() {
        String service = catalog.service(key, "Dinner");
        Response cleared = api.patch(
                key,
                "/reservation-services/" + service,
                fields("name", null, "duration_minutes", null, "is_active", null, "color", "#12345G"));
        assertThat(cleared.status()).isEqualTo(422);
        assertThat(errorFields(cleared)).containsExactlyInAnyOrder("name", "duration_minutes", "is_active", "color");

        // max_participants_per_slot needs shared seating: valid only when both change together.
        Response alone = api.patch(key, "/reservation-services/" + service, fields("max_participants_per_slot", 12));
        assertThat(errorFields(alone)).containsExactly("max_participants_per_slot");
        Response together = api.patch(
                key, "/reservation-services/" + service, fields("seating", "shared", "max_participants_per_slot", 12));
        expect(together, 200);
        // Going back to separate seating while the limit is set is refused.
        Response back = api.patch(key, "/reservation-services/" + service, fields("seating", "separate"));
        assertThat(errorFields(back)).containsExactly("max_participants_per_slot");

        Response current = api.get(key, "/reservation-services/" + service);
        assertThat(current.get("name")).isEqualTo("Dinner");
        assertThat(current.get("seating")).isEqualTo("shared");
        assertThat(current.body().get("duration_minutes").asInt()).isEqualTo(60);
    }

    @Test
    void exceptionsHaveHoursExactlyWhenTheyAreSpecialHours() {
        Response blockedWithHours = api.post(
                key,
                "/reservation-resource-exceptions",
                fields("date", "2031-12-25", "exception_type", "blocked", "start_time", "10:00"));
        assertThat(blockedWithHours.status()).isEqualTo(422);
        assertThat(errorFields(blockedWithHours)).containsExactly("start_time");

        Response specialWithoutEnd = api.post(
                key,
                "/reservation-resource-exceptions",
                fields("date", "2031-12-24", "exception_type", "special_hours", "start_time", "10:00"));
        assertThat(specialWithoutEnd.status()).isEqualTo(422);
        assertThat(errorFields(specialWithoutEnd)).containsExactly("end_time");

        Response longReason = api.post(
                key,
                "/reservation-resource-exceptions",
                fields("date", "2031-12-24", "exception_type", "blocked", "reason", "x".repeat(501)));
        assertThat(errorFields(longReason)).containsExactly("reason");

        Response pastMidnight = api.post(
                key,
                "/reservation-resource-exceptions",
                fields(
                        "date",
                        "2031-12-31",
                        "exception_type",
                        "special_hours",
                        "start_time",
                        "20:00",
                        "end_time",
                        "03:00"));
        expect(pastMidnight, 201);
        assertThat(catalog.list(key, "/reservation-resource-exceptions")).hasSize(1);
    }

    private static List<String> errorFields(Response response) {
        List<String> fields = new ArrayList<>();
        if (response.body() != null && response.body().get("errors") != null) {
            response.body()
                    .get("errors")
                    .forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }
}

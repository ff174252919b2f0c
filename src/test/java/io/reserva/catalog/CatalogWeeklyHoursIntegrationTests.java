package io.reserva.catalog;

import static io.reserva.catalog.CatalogApi.window;
import static io.reserva.support.TestApi.expect;
import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Weekly windows of one owner never overlap, and a week is replaced whole or not at all. */
@IntegrationTest
class CatalogWeeklyHoursIntegrationTests {

    private static final String WEEK = "/reservation-resource-availability/week";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    CatalogApi catalog;
    Tenant tenant;
    String key;
    String table;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        catalog = new CatalogApi(api);
        tenant = api.newTenant();
        key = tenant.adminKey();
        table = catalog.resource(key, "Table 1", "table");
    }

    @Test
    void overlappingWindowsOnTheSameDayAreRefusedNamingBoth() {
        String morning = catalog.window(key, table, 1, "09:00", "13:00");
        Response clash = api.post(
                key,
                "/reservation-resource-availability",
                fields("resource_id", table, "day_of_week", 1, "start_time", "12:00", "end_time", "15:00"));
        assertThat(clash.status()).isEqualTo(422);
        assertThat(clash.code()).isEqualTo("validation_failed");
        assertThat(clash.get("detail")).contains("Monday 12:00–15:00").contains("Monday 09:00–13:00");
        // Touching is fine, and so are the same hours for another owner.
        catalog.window(key, table, 1, "13:00", "15:00");
        catalog.window(key, null, 1, "09:00", "18:00");
        assertThat(catalog.ids(key, "/reservation-resource-availability?resource_id=" + table))
                .hasSize(2)
                .contains(morning);
    }

    @Test
    void aPastMidnightTailOverlapsTheNextDaysEarlyWindow() {
        catalog.window(key, table, 5, "19:30", "02:00");
        Response tail = api.post(
                key,
                "/reservation-resource-availability",
                fields("resource_id", table, "day_of_week", 6, "start_time", "01:00", "end_time", "03:00"));
        assertThat(tail.status()).isEqualTo(422);
        assertThat(tail.get("detail")).contains("Saturday 01:00–03:00").contains("Friday 19:30–02:00");
        catalog.window(key, table, 6, "02:00", "04:00");

        // Saturday night runs into Sunday morning, across the end of the week.
        catalog.window(key, table, 0, "01:00", "03:00");
        Response saturdayNight = api.post(
                key,
                "/reservation-resource-availability",
                fields("resource_id", table, "day_of_week", 6, "start_time", "22:00", "end_time", "01:30"));
        assertThat(saturdayNight.status()).isEqualTo(422);
        assertThat(saturdayNight.get("detail")).contains("Sunday 01:00–03:00");
        assertThat(catalog.list(key, "/reservation-resource-availability")).hasSize(3);
    }

    @Test
    void aPatchIntoAnOverlapIsRefusedAndChangesNothing() {
        catalog.window(key, table, 2, "13:00", "16:00");
        String evening = catalog.window(key, table, 2, "19:30", "23:30");
        Response earlier =
                api.patch(key, "/reservation-resource-availability/" + evening, fields("start_time", "15:00"));
        assertThat(earlier.status()).isEqualTo(422);
        assertThat(api.get(key, "/reservation-resource-availability/" + evening).get("start_time"))
                .isEqualTo("19:30");
        // Moving a window onto its own old place is no overlap with itself.
        expect(
                api.patch(
                        key,
                        "/reservation-resource-availability/" + evening,
                        fields("start_time", "19:00", "end_time", "23:00")),
                200);
    }

    @Test
    void replacingAWeekReplacesExactlyAndAnswersItSorted() {
        String old = catalog.window(key, table, 1, "09:00", "17:00");
        catalog.window(key, table, 3, "09:00", "17:00");
        String untouchedOwner = catalog.window(key, null, 1, "08:00", "20:00");

        Response replaced = putWeek(fields(
                "resource_id",
                table,
                "windows",
                List.of(window(6, "19:30", "02:00"), window(2, "19:30", "23:30"), window(2, "13:00", "16:00"))));
        expect(replaced, 200);
        assertThat(replaced.get("resource_id")).isEqualTo(table);
        List<String> answered = describe(replaced.body().get("windows"));
        assertThat(answered).containsExactly("2 13:00-16:00", "2 19:30-23:30", "6 19:30-02:00");

        List<JsonNode> stored = catalog.list(key, "/reservation-resource-availability?resource_id=" + table);
        assertThat(stored.stream()
                        .map(row -> row.get("day_of_week").asInt() + " "
                                + row.get("start_time").asString() + "-"
                                + row.get("end_time").asString()))
                .containsExactly("2 13:00-16:00", "2 19:30-23:30", "6 19:30-02:00");
        assertThat(stored.stream().map(row -> row.get("id").asString())).doesNotContain(old);
        assertThat(catalog.ids(key, "/reservation-resource-availability?resource_id=null"))
                .containsExactly(untouchedOwner);

        expect(putWeek(fields("resource_id", table, "windows", List.of())), 200);
        assertThat(catalog.list(key, "/reservation-resource-availability?resource_id=" + table))
                .isEmpty();
    }

    @Test
    void anInvalidWindowLeavesTheOldWeekIntact() {
        String monday = catalog.window(key, table, 1, "09:00", "17:00");

        Response badDay = putWeek(fields(
                "resource_id", table, "windows", List.of(window(2, "09:00", "17:00"), window(7, "09:00", "17:00"))));
        assertThat(badDay.status()).isEqualTo(422);
        assertThat(badDay.body().get("errors").get(0).get("field").asString()).isEqualTo("windows[1].day_of_week");

        Response overlapping = putWeek(fields(
                "resource_id",
                table,
                "windows",
                List.of(window(5, "19:30", "02:00"), window(4, "09:00", "12:00"), window(6, "01:00", "02:30"))));
        assertThat(overlapping.status()).isEqualTo(422);
        assertThat(overlapping.body().get("errors").get(0).get("field").asString())
                .isEqualTo("windows[2]");
        assertThat(overlapping.get("detail")).contains("windows[0]").contains("Friday 19:30–02:00");

        assertThat(catalog.ids(key, "/reservation-resource-availability")).containsExactly(monday);
    }

    @Test
    void theOwnerMustBeNamedEvenWhenItIsTheBusinessHours() {
        Response unnamed = putWeek(fields("windows", List.of(window(1, "09:00", "18:00"))));
        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(unnamed.body().get("errors").get(0).get("field").asString()).isEqualTo("resource_id");
        assertThat(catalog.list(key, "/reservation-resource-availability")).isEmpty();

        Response business = putWeek(fields("resource_id", null, "windows", List.of(window(1, "09:00", "18:00"))));
        expect(business, 200);
        assertThat(business.body().get("resource_id").isNull()).isTrue();
        assertThat(catalog.list(key, "/reservation-resource-availability?resource_id=null"))
                .hasSize(1);
    }

    @Test
    void staffMayReplaceAWeekButReadOnlyKeysMayNot() {
        String staff = api.newKey(tenant, "staff");
        String readOnly = api.newKey(tenant, "read_only");
        Map<String, Object> week = fields("resource_id", table, "windows", List.of(window(1, "10:00", "14:00")));
        expect(api.send(staff, "PUT", WEEK, TestApi.json(week), Map.of()), 200);
        Response refused = api.send(
                readOnly, "PUT", WEEK, TestApi.json(fields("resource_id", table, "windows", List.of())), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(catalog.list(key, "/reservation-resource-availability")).hasSize(1);
    }

    @Test
    void theDatabaseRefusesOverlapsAcrossTheEndOfTheWeekToo() {
        catalog.window(key, table, 6, "22:00", "02:00");
        String insert = "insert into reservation_resource_availability (id, organization_id, resource_id, day_of_week,"
                + " start_time, end_time, created_at, updated_at)"
                + " values (gen_random_uuid(), :org, :resource, 0, time '01:00', time '03:00', now(), now())";
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .param("org", tenant.id())
                        .param("resource", UUID.fromString(table))
                        .update())
                .isInstanceOfSatisfying(
                        DataIntegrityViolationException.class,
                        e -> assertThat(((SQLException) e.getMostSpecificCause()).getSQLState())
                                .isEqualTo("23P01"));
        // Business hours are another owner: the same hours are fine there.
        jdbc.sql(insert).param("org", tenant.id()).param("resource", null).update();
    }

    private Response putWeek(Map<String, Object> body) {
        return api.send(key, "PUT", WEEK, TestApi.json(body), Map.of());
    }

    private static List<String> describe(JsonNode windows) {
        List<String> described = new java.util.ArrayList<>();
        windows.forEach(w -> described.add(w.get("day_of_week").asInt() + " "
                + w.get("start_time").asString() + "-" + w.get("end_time").asString()));
        return described;
    }
}

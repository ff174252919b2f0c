package io.reserva.availability;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The slots endpoint end to end: catalogue written over HTTP, slots read over HTTP. */
@IntegrationTest
class AvailableSlotsIntegrationTests {

    // Sunday 28 March 2027: Europe/Berlin springs forward from 02:00 to 03:00.
    static final String DST_SUNDAY = "2027-03-28";
    static final String FRIDAY = "2027-03-05";
    static final String SATURDAY = "2027-03-06";
    static final String MONDAY = "2027-03-08";

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String key;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
    }

    @Test
    void startsStepFromTheWindowStartAndTheWholeVisitFits() {
        String service = service(fields("name", "Cut", "duration_minutes", 60, "slot_interval", 30));
        String stylist = resource("Ana", "person", null);
        link(service, stylist, "required");
        week(stylist, List.of(window(1, "09:00", "12:00")));

        Response day = slots(service, "date=" + MONDAY);
        assertThat(day.status()).as(day.text()).isEqualTo(200);
        assertThat(day.body().get("bookable").asBoolean()).isTrue();
        assertThat(localTimes(day.body().get("slots"))).containsExactly("09:00", "09:30", "10:00", "10:30", "11:00");
        JsonNode first = day.body().get("slots").get(0);
        assertThat(first.get("start_datetime").asString()).isEqualTo("2027-03-08T08:00:00Z");
        assertThat(first.get("end_datetime").asString()).isEqualTo("2027-03-08T09:00:00Z");
        assertThat(first.get("resources").get(0).get("name").asString()).isEqualTo("Ana");
    }

    @Test
    void theRangeFormSaysPerDayWhyNothingIsBookable() {
        String service = service(fields("name", "Cut", "duration_minutes", 60, "slot_interval", 60));
        String stylist = resource("Ana", "person", null);
        link(service, stylist, "required");
        week(stylist, List.of(window(1, "09:00", "11:00"), window(2, "09:00", "11:00")));

        Response range = slots(service, "start_date=2027-03-07&end_date=2027-03-13");
        assertThat(range.status()).as(range.text()).isEqualTo(200);
        JsonNode days = range.body().get("days");
        assertThat(days).hasSize(7);
        assertThat(days.get(0).get("date").asString()).isEqualTo("2027-03-07");
        assertThat(days.get(0).get("bookable").asBoolean()).isFalse();
        assertThat(days.get(0).get("reason").asString()).isEqualTo("closed");
        assertThat(localTimes(days.get(1).get("slots"))).containsExactly("09:00", "10:00");
        assertThat(days.get(2).get("bookable").asBoolean()).isTrue();
        assertThat(range.body().has("slots")).isFalse();
    }

    @Test
    void aWindowPastMidnightBelongsToTheDayItStarts() {
        String service = service(fields("name", "Late table", "duration_minutes", 60, "slot_interval", 60));
        String table = resource("Table 1", "table", 4);
        link(service, table, "any_available");
        week(table, List.of(window(5, "18:00", "02:00")));

        assertThat(localTimes(slots(service, "date=" + FRIDAY).body().get("slots")))
                .containsExactly("18:00", "19:00", "20:00", "21:00", "22:00", "23:00");
        assertThat(localTimes(slots(service, "date=" + SATURDAY).body().get("slots")))
                .containsExactly("00:00", "01:00");
    }

    @Test
    void oneOrganizationWideSpecialHoursExceptionExtendsEveryTablesHoursThatNight() {
        String service = service(fields("name", "Late table", "duration_minutes", 60, "slot_interval", 60));
        String table = resource("Table 1", "table", 4);
        String otherTable = resource("Table 2", "table", 4);
        link(service, table, "any_available");
        week(table, List.of(window(5, "19:00", "23:00")));
        week(otherTable, List.of(window(5, "19:00", "23:00")));
        assertThat(localTimes(slots(service, "date=" + FRIDAY).body().get("slots")))
                .containsExactly("19:00", "20:00", "21:00", "22:00");

        Response late = api.post(
                key,
                "/reservation-resource-exceptions",
                fields(
                        "date",
                        FRIDAY,
                        "exception_type",
                        "special_hours",
                        "start_time",
                        "20:00",
                        "end_time",
                        "03:00",
                        "reason",
                        "Carnival night"));
        assertThat(late.status()).as(late.text()).isEqualTo(201);

        Response friday = slots(service, "date=" + FRIDAY);
        assertThat(localTimes(friday.body().get("slots"))).containsExactly("20:00", "21:00", "22:00", "23:00");
        assertThat(friday.body().get("slots").get(3).get("resources")).hasSize(2);
        assertThat(localTimes(slots(service, "date=" + SATURDAY).body().get("slots")))
                .containsExactly("00:00", "01:00", "02:00");
    }

    @Test
    void anOrganizationWideBlockedDateTakesTheTailOfItsLateShiftWithIt() {
        String service = service(fields("name", "Late table", "duration_minutes", 60, "slot_interval", 60));
        String table = resource("Table 1", "table", 4);
        link(service, table, "any_available");
        week(table, List.of(window(5, "18:00", "02:00"), window(6, "18:00", "02:00")));

        Response closed = api.post(
                key,
                "/reservation-resource-exceptions",
                fields("date", FRIDAY, "exception_type", "blocked", "reason", "Private event"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(201);

        assertThat(slots(service, "date=" + FRIDAY).body().get("reason").asString())
                .isEqualTo("closed");
        assertThat(localTimes(slots(service, "date=" + SATURDAY).body().get("slots")))
                .startsWith("18:00")
                .doesNotContain("00:00", "01:00");
    }

    @Test
    void aWallClockTimeThatDoesNotExistIsSkippedAndDurationsAreRealMinutes() {
        String service = service(fields("name", "Night", "duration_minutes", 60, "slot_interval", 60));
        String room = resource("Room", "room", null);
        link(service, room, "required");
        week(room, List.of(window(0, "00:00", "06:00")));

        JsonNode slots = slots(service, "date=" + DST_SUNDAY).body().get("slots");
        assertThat(localTimes(slots)).containsExactly("00:00", "01:00", "03:00", "04:00", "05:00");
        JsonNode beforeTheJump = slots.get(1);
        assertThat(beforeTheJump.get("start_datetime").asString()).isEqualTo("2027-03-28T00:00:00Z");
        assertThat(beforeTheJump.get("end_datetime").asString()).isEqualTo("2027-03-28T01:00:00Z");
    }

    @Test
    void aBlockedDayClosesAtOnce() {
        String service = service(fields("name", "Cut", "duration_minutes", 60));
        String stylist = resource("Ana", "person", null);
        link(service, stylist, "required");
        week(stylist, List.of(window(1, "09:00", "12:00")));
        assertThat(slots(service, "date=" + MONDAY).body().get("bookable").asBoolean())
                .isTrue();

        Response blocked = api.post(
                key,
                "/reservation-resource-exceptions",
                fields("resource_id", stylist, "date", MONDAY, "exception_type", "blocked", "reason", "Training"));
        assertThat(blocked.status()).as(blocked.text()).isEqualTo(201);

        Response day = slots(service, "date=" + MONDAY);
        assertThat(day.body().get("bookable").asBoolean()).isFalse();
        assertThat(day.body().get("reason").asString()).isEqualTo("closed");
    }

    @Test
    void aPartyLargerThanAnyTableIsAnEmptyDayNotAnError() {
        String service = service(fields("name", "Dinner", "duration_minutes", 90, "max_party_size", 6));
        String table = resource("Table 1", "table", 4);
        link(service, table, "any_available");
        week(table, List.of(window(1, "19:00", "23:00")));

        Response tooMany = slots(service, "date=" + MONDAY + "&party_size=8");
        assertThat(tooMany.status()).isEqualTo(200);
        assertThat(tooMany.body().get("reason").asString()).isEqualTo("party_too_large");
        Response noTableFits = slots(service, "date=" + MONDAY + "&party_size=5");
        assertThat(noTableFits.body().get("reason").asString()).isEqualTo("party_too_large");
        assertThat(slots(service, "date=" + MONDAY + "&party_size=4")
                        .body()
                        .get("bookable")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badQuestionsGetClearAnswers() {
        String service = service(fields("name", "Cut", "duration_minutes", 60));
        assertQuery(slots(service, "date=28-03-2027"), 400, "date");
        assertQuery(slots(service, "start_date=2027-01-01&end_date=2027-03-31"), 400, "end_date");
        assertQuery(slots(service, "start_date=2027-03-10&end_date=2027-03-01"), 400, "end_date");
        assertQuery(slots(service, "date=" + MONDAY + "&colour=red"), 400, "colour");
        assertQuery(slots(service, "date=" + MONDAY + "&party_size=0"), 400, "party_size");
        assertQuery(slots(service, ""), 400, "date");
        assertQuery(api.get(key, "/reservation-available-slots?date=" + MONDAY), 400, "service_id");
        assertThat(api.get(key, "/reservation-available-slots?service_id=nope&date=" + MONDAY)
                        .status())
                .isEqualTo(400);
        assertThat(slots(service, "date=" + MONDAY + "&resource_id=0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anotherOrganizationsServiceIsNotFound() {
        String service = service(fields("name", "Cut", "duration_minutes", 60));
        Tenant other = api.newTenant();
        Response response =
                api.get(other.adminKey(), "/reservation-available-slots?service_id=" + service + "&date=" + MONDAY);
        assertThat(response.status()).isEqualTo(404);
        assertThat(api.get(
                                other.adminKey(),
                                "/reservation-available-slots?organization_id=" + tenant.id() + "&service_id=" + service
                                        + "&date=" + MONDAY)
                        .status())
                .isEqualTo(404);
    }

    private Response slots(String service, String query) {
        return api.get(
                key, "/reservation-available-slots?service_id=" + service + (query.isEmpty() ? "" : "&" + query));
    }

    private String service(Map<String, Object> body) {
        Map<String, Object> withZone = new java.util.LinkedHashMap<>(body);
        withZone.putIfAbsent("timezone", "Europe/Berlin");
        Response created = api.post(key, "/reservation-services", withZone);
        TestApi.expect(created, 201);
        return created.get("id");
    }

    private String resource(String name, String type, Integer capacity) {
        Response created = api.post(
                key,
                "/reservation-resources",
                fields("name", name, "resource_type", type, "capacity", capacity, "timezone", "Europe/Berlin"));
        TestApi.expect(created, 201);
        return created.get("id");
    }

    private void link(String service, String resource, String mode) {
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-service-resources",
                        fields("service_id", service, "resource_id", resource, "assignment_mode", mode)),
                201);
    }

    private void week(String resource, List<Map<String, Object>> windows) {
        Response replaced = api.send(
                key,
                "PUT",
                "/reservation-resource-availability/week",
                TestApi.json(fields("resource_id", resource, "windows", windows)),
                Map.of());
        TestApi.expect(replaced, 200);
    }

    private static Map<String, Object> window(int day, String start, String end) {
        return fields("day_of_week", day, "start_time", start, "end_time", end);
    }

    private static List<String> localTimes(JsonNode slots) {
        List<String> times = new ArrayList<>();
        slots.forEach(slot -> times.add(slot.get("local_time").asString()));
        return times;
    }

    private static void assertQuery(Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().get("errors").findValuesAsString("field")).contains(field);
    }
}

package io.reserva.console;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /organizations/{id}/days/{date}}: the console's one read of a day, over HTTP as a client sees it. */
@IntegrationTest
class DayIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String PASSWORD = "violet-harbour-lantern-42";

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String dinner;
    String table1;
    String table2;
    LocalDate day;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        dinner = catalog.service(
                fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 30, "max_party_size", 6));
        table1 = catalog.resource("Table 1", "table", 4);
        table2 = catalog.resource("Table 2", "table", 6);
        catalog.link(dinner, table1, "any_available");
        catalog.everyDay(table1, "18:00", "01:00");
        catalog.everyDay(table2, "18:00", "01:00");
        day = LocalDate.now(BERLIN).plusDays(10);
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-resource-exceptions",
                        fields(
                                "resource_id", table2,
                                "date", day.toString(),
                                "exception_type", "special_hours",
                                "start_time", "20:00",
                                "end_time", "22:00",
                                "reason", "Private party")),
                201);
    }

    String book(LocalTime at, int party, String table, String email) {
        Response booked = api.post(
                tenant.adminKey(),
                "/reservations",
                fields(
                        "service_id", dinner,
                        "party_size", party,
                        "start_datetime",
                                day.atTime(at).atZone(BERLIN).toInstant().toString(),
                        "preferred_resource_id", table,
                        "contact", fields("first_name", "Ana", "last_name", "Ruiz " + party, "email", email)));
        TestApi.expect(booked, 201);
        return booked.get("id");
    }

    JsonNode day(String key) {
        Response answer = api.get(key, "/organizations/" + tenant.id() + "/days/" + day);
        TestApi.expect(answer, 200);
        return answer.body();
    }

    @Test
    void theDayHasItsReservationsGuestsOpenHoursAndCounts() {
        String first = book(LocalTime.of(19, 0), 4, table1, "ana@example.com");
        String second = book(LocalTime.of(20, 0), 2, table1, "bo@example.com");
        String third = book(LocalTime.of(23, 30), 3, table1, "cy@example.com");
        TestApi.expect(api.patch(tenant.adminKey(), "/reservations/" + first, fields("status", "seated")), 200);
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/reservations/" + second,
                        fields("status", "cancelled", "cancellation_reason", "Ill")),
                200);
        String contact = api.get(tenant.adminKey(), "/reservations/" + third)
                .body()
                .get("contact_id")
                .asString();
        TestApi.expect(api.patch(tenant.adminKey(), "/contacts/" + contact, fields("tags", List.of("vip"))), 200);
        // The next day and another organization's day stay out.
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservations",
                        fields(
                                "service_id",
                                dinner,
                                "party_size",
                                2,
                                "start_datetime",
                                day.plusDays(1)
                                        .atTime(19, 0)
                                        .atZone(BERLIN)
                                        .toInstant()
                                        .toString())),
                201);

        JsonNode body = day(api.newKey(tenant, "read_only"));

        assertThat(body.get("date").asString()).isEqualTo(day.toString());
        assertThat(body.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(ids(body.get("reservations"))).containsExactly(first, second, third);
        JsonNode seated = body.get("reservations").get(0);
        assertThat(seated.get("status").asString()).isEqualTo("seated");
        assertThat(seated.get("contact").get("first_name").asString()).isEqualTo("Ana");
        assertThat(seated.get("assigned_resources").get(0).get("name").asString())
                .isEqualTo("Table 1");
        JsonNode vip = null;
        for (JsonNode guest : body.get("contacts")) {
            if (guest.get("id").asString().equals(contact)) {
                vip = guest;
            }
        }
        assertThat(vip).as("the guests of the day come with their cards").isNotNull();
        assertThat(vip.get("tags").get(0).asString()).isEqualTo("vip");
        assertThat(body.get("contacts")).hasSize(3);

        JsonNode counts = body.get("counts");
        assertThat(counts.get("booked").get("parties").asInt()).isEqualTo(2);
        assertThat(counts.get("booked").get("covers").asInt()).isEqualTo(7);
        assertThat(counts.get("seated").get("covers").asInt()).isEqualTo(4);
        assertThat(counts.get("to_come").get("covers").asInt()).isEqualTo(3);
        assertThat(counts.get("cancelled").get("parties").asInt()).isEqualTo(1);
        assertThat(counts.get("no_show").get("parties").asInt()).isZero();

        JsonNode resources = body.get("resources");
        assertThat(ids(resources)).containsExactlyInAnyOrder(table1, table2);
        for (JsonNode resource : resources) {
            JsonNode open = resource.get("open");
            assertThat(open).hasSize(1);
            if (resource.get("id").asString().equals(table1)) {
                assertThat(open.get(0).get("from_local").asString()).startsWith(day + "T18:00:00");
                assertThat(open.get(0).get("until_local").asString())
                        .as("open past midnight")
                        .startsWith(day.plusDays(1) + "T01:00:00");
            } else {
                assertThat(open.get(0).get("from_local").asString())
                        .as("special hours")
                        .startsWith(day + "T20:00:00");
                assertThat(open.get(0).get("until_local").asString()).startsWith(day + "T22:00:00");
            }
        }
        assertThat(body.get("timeline_from").asString())
                .isEqualTo(day.atTime(18, 0).atZone(BERLIN).toInstant().toString());
        assertThat(body.get("timeline_until").asString())
                .as("the last reservation ends at 01:00, when table 1 closes")
                .isEqualTo(
                        day.plusDays(1).atTime(1, 0).atZone(BERLIN).toInstant().toString());
        assertThat(body.get("services").get(0).get("name").asString()).isEqualTo("Dinner");
        assertThat(body.get("services").get(0).get("pacing").isNull())
                .as("no pacing set")
                .isTrue();
        assertThat(seated.has("custom_fields_by_key") || seated.has("start_local") || seated.has("organization_id"))
                .as("the day's reservations come in short; GET /reservations/{id} has the rest")
                .isFalse();
        assertThat(seated.has("customer_notes")).as("null fields are left out").isFalse();
        assertThat(body.get("continuing")).isEmpty();
    }

    @Test
    void aPartyFromTheNightBeforeStillAtItsTableIsOnTheTimelineButNotInTheCounts() {
        LocalDate before = day.minusDays(1);
        String late = bookAt(before.atTime(23, 30), table1);
        String cancelled = bookAt(before.atTime(23, 45), table2);
        TestApi.expect(api.patch(tenant.adminKey(), "/reservations/" + cancelled, fields("status", "cancelled")), 200);
        String endsAtMidnight = bookAt(before.atTime(22, 30), table2);
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/reservation-services/" + dinner,
                        fields("pacing", fields("interval_minutes", 15, "max_covers", 6))),
                200);

        JsonNode body = day(tenant.adminKey());

        assertThat(ids(body.get("continuing")))
                .as("90 minutes from 23:30 run to 01:00; the one ending at midnight and the cancelled one do not")
                .containsExactly(late);
        assertThat(ids(body.get("continuing"))).doesNotContain(endsAtMidnight, cancelled);
        assertThat(body.get("continuing")
                        .get(0)
                        .get("contact")
                        .get("first_name")
                        .asString())
                .isEqualTo("Late");
        assertThat(body.get("reservations")).isEmpty();
        assertThat(body.get("counts").get("booked").get("parties").asInt()).isZero();
        assertThat(body.get("contacts")).hasSize(1);
        assertThat(body.get("timeline_from").asString())
                .as("the timeline starts at midnight to show the party")
                .isEqualTo(day.atStartOfDay(BERLIN).toInstant().toString());
        assertThat(body.get("services").get(0).get("pacing").get("max_covers").asInt())
                .isEqualTo(6);
        assertThat(body.get("services")
                        .get(0)
                        .get("pacing")
                        .get("interval_minutes")
                        .asInt())
                .isEqualTo(15);

        JsonNode previous = api.get(tenant.adminKey(), "/organizations/" + tenant.id() + "/days/" + before)
                .body();
        assertThat(ids(previous.get("reservations"))).contains(late, endsAtMidnight, cancelled);
    }

    String bookAt(java.time.LocalDateTime at, String table) {
        Response booked = api.post(
                tenant.adminKey(),
                "/reservations",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "start_datetime",
                        at.atZone(BERLIN).toInstant().toString(),
                        "override",
                        true,
                        "assigned_resources",
                        List.of(table),
                        "contact",
                        fields("first_name", "Late", "email", "late-" + UUID.randomUUID() + "@example.com")));
        TestApi.expect(booked, 201);
        return booked.get("id");
    }

    @Test
    void aClosedResourceIsNeverOpenAndAnEmptyDayIsTheWholeDay() {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-resource-exceptions",
                        fields("resource_id", table1, "date", day.toString(), "exception_type", "blocked")),
                201);
        JsonNode body = day(tenant.adminKey());
        for (JsonNode resource : body.get("resources")) {
            if (resource.get("id").asString().equals(table1)) {
                assertThat(resource.get("open")).isEmpty();
            }
        }
        assertThat(body.get("reservations")).isEmpty();
        assertThat(body.get("counts").get("booked").get("parties").asInt()).isZero();
    }

    @Test
    void anotherOrganizationsDayIsNotFoundForKeysAndSessions() {
        Tenant other = api.newTenant();
        Response byKey = api.get(tenant.adminKey(), "/organizations/" + other.id() + "/days/" + day);
        assertThat(byKey.status()).isEqualTo(404);
        assertThat(byKey.code()).isEqualTo("not_found");

        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/users",
                        fields(
                                "email",
                                "host-" + UUID.randomUUID() + "@example.com",
                                "name",
                                "Host",
                                "role",
                                "read_only",
                                "password",
                                PASSWORD)),
                201);
        String email = api.get(tenant.adminKey(), "/users")
                .body()
                .get("data")
                .get(0)
                .get("email")
                .asString();
        Map<String, String> browser = api.signIn(email, PASSWORD);
        Response mine = api.send(null, "GET", "/organizations/" + tenant.id() + "/days/" + day, null, browser);
        assertThat(mine.status()).as("a read_only user reads their own day").isEqualTo(200);
        Response theirs = api.send(null, "GET", "/organizations/" + other.id() + "/days/" + day, null, browser);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.text())
                .doesNotContain(other.organization().get("name").asString());

        Response platform = api.get(TestApi.PLATFORM_KEY, "/organizations/" + UUID.randomUUID() + "/days/" + day);
        assertThat(platform.status())
                .as("an unknown organization, even for a platform key")
                .isEqualTo(404);
    }

    @Test
    void badDatesAndIdsAreRefusedAndAnonymousCallersAndAssistantsAreNot() {
        String base = "/organizations/" + tenant.id() + "/days/";
        for (String bad : List.of("2027-02-30", "tomorrow", "20271201", "+99999-01-01")) {
            Response refused = api.get(tenant.adminKey(), base + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).as(bad).isEqualTo("invalid_parameter");
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("date");
        }
        assertThat(api.get(tenant.adminKey(), "/organizations/not-a-uuid/days/" + day)
                        .status())
                .isEqualTo(400);
        assertThat(api.get(null, base + day).status()).isEqualTo(401);

        Response assistant = api.post(tenant.adminKey(), "/ai-assistants", fields("name", "Concierge"));
        TestApi.expect(assistant, 201);
        Response forbidden = api.get(assistant.get("secret"), base + day);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("forbidden");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asString()));
        return ids;
    }
}

package io.reserva.privacy;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The privacy sweep over every channel without an API key: a stranger who knows a guest's email or phone (in
 * another letter case or format) and types another name goes through every public booking-page operation and
 * every assistant tool, over the REST face and over MCP, and no answer carries anything staff stored about that
 * guest: their name, notes, tags, custom fields, visit counts, or what their other bookings say. The guest's
 * stored contact is unchanged afterwards, and the stranger's bookings are not filed under it.
 */
@IntegrationTest
class StrangersNeverSeeStoredGuestDataIntegrationTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String BOTH = "application/json, text/event-stream";

    /** Everything staff stored about the guest, each distinctive enough not to appear by chance. */
    private static final List<String> STORED = List.of(
            "Zelda",
            "Quixotic",
            "Xyzzy-lives-at-7-Elm",
            "tag-plugh",
            "Chateau-Frobozz",
            "grue-allergy",
            "troll-bridge-regular",
            "Flathead-anniversary",
            "visit_count",
            "no_show_count",
            "cancellation_count",
            "last_visit_at");

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String admin;
    String dinner;
    String base;
    String guestId;
    String guestBefore;
    String assistantId;
    String assistantKey;
    final List<Response> answers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        admin = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, admin);
        dinner = catalog.service(fields("name", "Dinner", "duration_minutes", 60, "slot_interval", 60));
        String table = catalog.resource("Table", "table", 8);
        catalog.link(dinner, table, "any_available");
        catalog.everyDay(table, "10:00", "23:00");
        TestApi.expect(api.post(admin, "/reservation-booking-links", fields("name", "Public", "slug", "public")), 201);
        base = "/public/booking-links/" + tenant.id() + "/public";
        TestApi.expect(
                api.post(
                        admin,
                        "/custom-fields",
                        fields("entity_type", "contact", "key", "wine", "label", "Wine", "field_type", "text")),
                201);
        TestApi.expect(
                api.post(
                        admin,
                        "/custom-fields",
                        fields(
                                "entity_type",
                                "reservation",
                                "key",
                                "occasion",
                                "label",
                                "Occasion",
                                "field_type",
                                "text")),
                201);

        Response guest = api.post(
                admin,
                "/contacts",
                fields(
                        "first_name", "Zelda",
                        "last_name", "Quixotic",
                        "email", "zq.7731@example.com",
                        "phone", "+4915112345678",
                        "notes", "Xyzzy-lives-at-7-Elm",
                        "tags", List.of("tag-plugh"),
                        "custom_fields_by_key", fields("wine", "Chateau-Frobozz")));
        TestApi.expect(guest, 201);
        guestId = guest.get("id");

        // A visit already counted, and a booking still to come with its notes and answers.
        Response visited = api.post(
                admin,
                "/reservations",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "start_datetime",
                        at(3, 12).toString(),
                        "contact_id",
                        guestId,
                        "customer_notes",
                        "grue-allergy",
                        "internal_notes",
                        "troll-bridge-regular"));
        TestApi.expect(visited, 201);
        TestApi.expect(api.patch(admin, "/reservations/" + visited.get("id"), fields("status", "completed")), 200);
        Response upcoming = api.post(
                admin,
                "/reservations",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        4,
                        "start_datetime",
                        at(4, 20).toString(),
                        "contact_id",
                        guestId,
                        "customer_notes",
                        "grue-allergy again",
                        "internal_notes",
                        "troll-bridge-regular",
                        "custom_fields_by_key",
                        fields("occasion", "Flathead-anniversary")));
        TestApi.expect(upcoming, 201);

        guestBefore = api.get(admin, "/contacts/" + guestId).text();
        assertThat(guestBefore).contains("\"visit_count\":1");

        Response assistant = api.post(
                admin,
                "/ai-assistants",
                fields(
                        "name",
                        "Concierge",
                        "internal_tools",
                        fields(
                                "tools",
                                List.of(
                                        "find_reservations",
                                        "create_reservation",
                                        "update_reservation",
                                        "get_reservation_services",
                                        "get_available_slots"))));
        TestApi.expect(assistant, 201);
        assistantId = assistant.get("id");
        assistantKey = assistant.get("secret");
    }

    @Test
    void noPublicOrAssistantAnswerCarriesWhatStaffStoredAboutAGuest() {
        sweepTheBookingPage();
        sweepTheAssistantTools();

        assertThat(answers).hasSizeGreaterThan(30);
        for (Response answer : answers) {
            String text = answer.text().toLowerCase(Locale.ROOT);
            for (String stored : STORED) {
                assertThat(text)
                        .as("an answer carried %s: %s", stored, answer.text())
                        .doesNotContain(stored.toLowerCase(Locale.ROOT));
            }
            assertThat(text).as("an answer carried the contact's id").doesNotContain(guestId);
        }

        assertThat(api.get(admin, "/contacts/" + guestId).text())
                .as("the stored contact is unchanged")
                .isEqualTo(guestBefore);
        assertThat(api.get(admin, "/reservations?contact_id=" + guestId + "&$limit=0")
                        .body()
                        .get("total")
                        .asInt())
                .as("the stranger's bookings are not filed under the guest")
                .isEqualTo(2);
    }

    @Test
    void staffSeeWhatTheStrangerTypedAndTheContactToReview() {
        Response held = api.post(
                null,
                base + "/holds",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "start_datetime",
                        at(5, 13).toString()));
        TestApi.expect(held, 201);
        Response booked = api.post(
                null,
                base + "/bookings/" + held.get("token") + "/confirm",
                fields("contact", stranger("Zq.7731@Example.COM", null)));
        TestApi.expect(booked, 200);
        assertThat(booked.get("first_name")).isEqualTo("Mallory");

        JsonNode seen = api.get(admin, "/reservations?confirmation_code=" + booked.get("confirmation_code"))
                .body()
                .get("data")
                .get(0);
        assertThat(seen.get("contact_id").isNull()).isTrue();
        assertThat(seen.get("contact").isNull()).isTrue();
        JsonNode typed = seen.get("guest_details");
        assertThat(typed.get("first_name").asString()).isEqualTo("Mallory");
        assertThat(typed.get("last_name").asString()).isEqualTo("Imposter");
        assertThat(typed.get("email").asString()).isEqualTo("zq.7731@example.com");
        assertThat(typed.get("unverified_contact_id").asString()).isEqualTo(guestId);

        Response toReview = api.get(admin, "/reservations?unverified_contact_id=" + guestId);
        assertThat(toReview.body().get("total").asInt()).isEqualTo(1);
        Response linked = api.patch(admin, "/reservations/" + seen.get("id").asString(), fields("contact_id", guestId));
        TestApi.expect(linked, 200);
        assertThat(linked.body().get("contact").get("first_name").asString()).isEqualTo("Zelda");
        assertThat(linked.body().get("guest_details").get("first_name").asString())
                .isEqualTo("Mallory");
        assertThat(linked.body()
                        .get("guest_details")
                        .get("unverified_contact_id")
                        .isNull())
                .as("staff linked it: nothing left to review")
                .isTrue();
        assertThat(api.get(admin, "/reservations?unverified_contact_id=" + guestId)
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aReturningGuestWhoTypesTheirOwnNameIsFiledUnderTheirContactWhichStaysAsStored() {
        Response held = api.post(
                null,
                base + "/holds",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "start_datetime",
                        at(5, 14).toString()));
        TestApi.expect(held, 201);
        Response booked = api.post(
                null,
                base + "/bookings/" + held.get("token") + "/confirm",
                fields(
                        "contact",
                        fields(
                                "first_name", " zelda ",
                                "last_name", "QUIXOTIC",
                                "email", "ZQ.7731@example.com",
                                "phone", "+49 151 12345678")));
        TestApi.expect(booked, 200);
        assertThat(booked.get("first_name")).as("what the guest typed").isEqualTo("zelda");

        JsonNode seen = api.get(admin, "/reservations?confirmation_code=" + booked.get("confirmation_code"))
                .body()
                .get("data")
                .get(0);
        assertThat(seen.get("contact_id").asString()).isEqualTo(guestId);
        assertThat(seen.get("guest_details").get("unverified_contact_id").isNull())
                .isTrue();
        assertThat(api.get(admin, "/contacts/" + guestId).text()).isEqualTo(guestBefore);

        // A name that is not the stored one, with the stored phone: not filed under the guest.
        Response other = api.post(
                assistantKey(),
                "/ai-assistants/" + assistantId + "/tools/create_reservation",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "start_datetime",
                        at(5, 16).toString(),
                        "contact",
                        stranger(null, "0049 151 1234 5678")));
        TestApi.expect(other, 200);
        JsonNode filed = api.get(admin, "/reservations/" + other.get("id")).body();
        assertThat(filed.get("contact_id").isNull()).isTrue();
        assertThat(filed.get("guest_details").get("unverified_contact_id").asString())
                .isEqualTo(guestId);
    }

    private void sweepTheBookingPage() {
        record(api.get(null, base), 200);
        record(api.get(null, "/b/" + tenant.id() + "/public"), 200);
        record(api.get(null, base + "/slots?service_id=" + dinner + "&party_size=2&date=" + day(6)), 200);
        List<Map<String, Object>> strangers = List.of(
                stranger("ZQ.7731@EXAMPLE.COM", null),
                stranger("ZQ.7731@Example.com", "+49 (151) 123-45678"),
                stranger("mallory@example.net", "0049 151 12345678"));
        int hour = 10;
        for (Map<String, Object> typed : strangers) {
            Response held = record(
                    api.post(
                            null,
                            base + "/holds",
                            fields(
                                    "service_id",
                                    dinner,
                                    "party_size",
                                    2,
                                    "start_datetime",
                                    at(6, hour).toString())),
                    201);
            String token = held.get("token");
            String booking = base + "/bookings/" + token;
            Response booked = record(
                    api.post(
                            null,
                            booking + "/confirm",
                            fields(
                                    "contact",
                                    typed,
                                    "customer_notes",
                                    "typed by the stranger",
                                    "custom_fields_by_key",
                                    fields("occasion", "a stranger's answer"))),
                    200);
            assertThat(booked.get("first_name")).isEqualTo("Mallory");
            assertThat(booked.get("last_name")).isEqualTo("Imposter");
            record(
                    api.post(null, booking + "/confirm", fields("contact", typed)),
                    200); // a repeated click answers the booking again
            record(api.get(null, booking), 200);
            record(api.get(null, "/b/" + tenant.id() + "/public/manage/" + token), 200);
            record(
                    api.post(
                            null,
                            booking + "/reschedule",
                            fields("start_datetime", at(6, hour + 1).toString(), "party_size", 3)),
                    200);
            record(api.post(null, booking + "/cancel", fields("reason", "changed plans")), 200);
            hour += 3;
        }
    }

    private void sweepTheAssistantTools() {
        String rest = "/ai-assistants/" + assistantId + "/tools";
        record(api.get(assistantKey(), rest), 200);
        record(api.post(assistantKey(), rest + "/get_reservation_services", Map.of()), 200);
        record(
                api.post(
                        assistantKey(),
                        rest + "/get_available_slots",
                        fields("service_id", dinner, "party_size", 2, "date", day(7).toString())),
                200);
        List<String> searches =
                List.of("zq.7731@example.com", "ZQ.7731@EXAMPLE.COM", "+4915112345678", "Zelda", "Quixotic", "Mallory");
        for (String search : searches) {
            Response found =
                    record(api.post(assistantKey(), rest + "/find_reservations", fields("searchTerm", search)), 200);
            assertThat(found.body().get("total").asInt())
                    .as("nobody's bookings are found by who made them: %s", search)
                    .isZero();
        }
        Response all = record(api.post(assistantKey(), rest + "/find_reservations", Map.of()), 200);
        record(api.post(assistantKey(), rest + "/find_reservations", fields("status", "completed")), 200);
        // Opening the guest's own bookings by id answers their place only.
        for (JsonNode reservation : all.body().get("data")) {
            record(
                    api.post(
                            assistantKey(),
                            rest + "/update_reservation",
                            fields("id", reservation.get("id").asString())),
                    200);
        }
        int hour = 10;
        for (Map<String, Object> typed :
                List.of(stranger("zQ.7731@EXAMPLE.com", null), stranger(null, "+49 151 1234-5678"))) {
            Response created = record(
                    api.post(
                            assistantKey(),
                            rest + "/create_reservation",
                            fields(
                                    "service_id",
                                    dinner,
                                    "party_size",
                                    2,
                                    "start_datetime",
                                    at(7, hour).toString(),
                                    "contact",
                                    typed,
                                    "idempotency_key",
                                    "sweep-" + hour)),
                    200);
            assertThat(created.body().get("guest_details").get("first_name").asString())
                    .isEqualTo("Mallory");
            record(
                    api.post(
                            assistantKey(),
                            rest + "/create_reservation",
                            fields(
                                    "service_id",
                                    dinner,
                                    "party_size",
                                    2,
                                    "start_datetime",
                                    at(7, hour).toString(),
                                    "contact",
                                    typed,
                                    "idempotency_key",
                                    "sweep-" + hour)),
                    200); // the replay
            record(
                    api.post(
                            assistantKey(),
                            rest + "/update_reservation",
                            fields("id", created.get("id"), "party_size", 3, "customer_notes", "moved")),
                    200);
            record(
                    api.post(
                            assistantKey(),
                            rest + "/update_reservation",
                            fields("id", created.get("id"), "status", "cancelled", "cancelled_by", "contact")),
                    200);
            hour += 2;
        }

        record(mcp("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"), 200);
        List<String> calls = new ArrayList<>(List.of(
                mcpCall("get_reservation_services", "{}"),
                mcpCall(
                        "get_available_slots",
                        "{\"service_id\":\"" + dinner + "\",\"party_size\":2,\"date\":\"" + day(8) + "\"}"),
                mcpCall("find_reservations", "{}"),
                mcpCall("find_reservations", "{\"searchTerm\":\"Zq.7731@example.COM\"}"),
                mcpCall("find_reservations", "{\"searchTerm\":\"+49 151 12345678\"}"),
                mcpCall(
                        "create_reservation",
                        "{\"service_id\":\"" + dinner + "\",\"party_size\":2,\"start_datetime\":\"" + at(8, 12)
                                + "\",\"contact\":{\"first_name\":\"Mallory\",\"last_name\":\"Imposter\","
                                + "\"email\":\"zQ.7731@EXAMPLE.COM\",\"phone\":\"+49-151-12345678\"}}")));
        for (JsonNode reservation : all.body().get("data")) {
            calls.add(mcpCall(
                    "update_reservation", "{\"id\":\"" + reservation.get("id").asString() + "\"}"));
        }
        for (String call : calls) {
            Response answer = record(mcp(call), 200);
            assertThat(answer.body().has("result")).as(answer.text()).isTrue();
            assertThat(answer.body().get("result").path("isError").asBoolean(false))
                    .as(answer.text())
                    .isFalse();
        }
    }

    private Response record(Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        answers.add(response);
        return response;
    }

    private Response mcp(String body) {
        return api.send(assistantKey(), "POST", "/mcp", body, Map.of("Accept", BOTH));
    }

    private static String mcpCall(String tool, String arguments) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + arguments + "}}";
    }

    private String assistantKey() {
        return assistantKey;
    }

    /** A stranger's name with the guest's email or phone, as a stranger might type them. */
    private static Map<String, Object> stranger(String email, String phone) {
        return fields("first_name", "Mallory", "last_name", "Imposter", "email", email, "phone", phone);
    }

    private static LocalDate day(int daysAhead) {
        return LocalDate.now(BERLIN).plusDays(daysAhead);
    }

    private static Instant at(int daysAhead, int hour) {
        return day(daysAhead).atTime(LocalTime.of(hour, 0)).atZone(BERLIN).toInstant();
    }
}

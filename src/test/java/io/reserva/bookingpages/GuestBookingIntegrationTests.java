package io.reserva.bookingpages;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The public JSON API behind a booking page: no API key, scoped to one active link, public fields only, and the
 * guest choosing only what a guest may.
 */
@IntegrationTest
class GuestBookingIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String key;
    String dinner;
    String brunch;
    String hidden;
    String base;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        dinner = catalog.service(fields(
                "name", "Dinner", "duration_minutes", 60, "slot_interval", 60, "cancellation_deadline_hours", 2));
        brunch = catalog.service(fields(
                "name",
                "Brunch",
                "duration_minutes",
                60,
                "requires_confirmation",
                true,
                "cancellation_deadline_hours",
                48));
        hidden = catalog.service(fields("name", "Staff meal", "duration_minutes", 60, "is_public", false));
        String table = catalog.resource("Table", "table", 4);
        for (String service : List.of(dinner, brunch, hidden)) {
            catalog.link(service, table, "required");
        }
        catalog.everyDay(table, "10:00", "22:00");
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-booking-links",
                        fields("name", "All", "slug", "all", "page_config", fields("policy_text", "Be on time."))),
                201);
        base = "/public/booking-links/" + tenant.id() + "/all";
    }

    @Test
    void thePageShowsPublicFieldsOnly() {
        api.post(
                key,
                "/custom-fields",
                fields("entity_type", "reservation", "key", "occasion", "label", "Occasion", "field_type", "text"));
        api.post(
                key,
                "/custom-fields",
                fields("entity_type", "contact", "key", "vip", "label", "VIP", "field_type", "boolean"));
        Response page = api.get(null, base);
        TestApi.expect(page, 200);
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("RateLimit-Limit"))
                .as("anonymous calls are limited per client address")
                .isNotNull();
        JsonNode body = page.body();
        assertThat(names(body.get("services"))).containsExactly("Brunch", "Dinner");
        assertThat(body.get("custom_fields").size()).isEqualTo(1);
        assertThat(body.get("custom_fields").get(0).get("key").asString()).isEqualTo("occasion");
        assertThat(body.get("page_config").get("policy_text").asString()).isEqualTo("Be on time.");
        assertThat(body.get("hold_minutes").asInt()).isEqualTo(10);
        String text = page.text();
        for (String secret : List.of(
                "internal_notes", "booking_service_ids", "slot_capacity", "resource", "is_public", "created_at")) {
            assertThat(text).as(secret).doesNotContain(secret);
        }
    }

    @Test
    void theVenueIsTheOrganizationsPublicBusinessDetails() {
        Response blank = api.get(null, base);
        TestApi.expect(blank, 200);
        assertThat(blank.body().get("venue").get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(blank.body().get("venue").has("address"))
                .as("nothing set, nothing shown")
                .isFalse();
        TestApi.expect(
                api.patch(
                        key,
                        "/organizations/" + tenant.id(),
                        fields(
                                "address", "Calle Mayor 1, 28013 Madrid",
                                "phone", "+34911234567",
                                "email", "owner@example.com")),
                200);
        JsonNode venue = api.get(null, base).body().get("venue");
        assertThat(venue.get("name").asString())
                .isEqualTo(tenant.organization().get("name").asString());
        assertThat(venue.get("address").asString()).isEqualTo("Calle Mayor 1, 28013 Madrid");
        assertThat(venue.get("phone").asString()).isEqualTo("+34911234567");
        assertThat(api.get(null, base).text())
                .as("the email is not a public detail")
                .doesNotContain("owner@");
    }

    @Test
    void aLinkOffersOnlyItsServices() {
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-booking-links",
                        fields("name", "One", "slug", "one", "mode", "single_service", "service_id", dinner)),
                201);
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "Some",
                                "slug",
                                "some",
                                "mode",
                                "selected_services",
                                "page_config",
                                fields("booking_service_ids", List.of(brunch, hidden)))),
                201);
        String one = "/public/booking-links/" + tenant.id() + "/one";
        assertThat(names(api.get(null, one).body().get("services"))).containsExactly("Dinner");
        assertThat(names(api.get(null, "/public/booking-links/" + tenant.id() + "/some")
                        .body()
                        .get("services")))
                .as("a service that is not public stays off the page")
                .containsExactly("Brunch");
        Instant start = tomorrowAt(12);
        assertThat(api.get(null, one + "/slots?service_id=" + brunch + "&date=" + day(start))
                        .status())
                .isEqualTo(404);
        Response hold = api.post(
                null,
                one + "/holds",
                fields("service_id", brunch, "party_size", 2, "start_datetime", start.toString()));
        assertThat(hold.status()).isEqualTo(404);
        assertThat(api.get(null, base + "/slots?service_id=" + hidden + "&date=" + day(start))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void slotsComePerDayWithReasons() {
        LocalDate day = LocalDate.now(BERLIN).plusDays(1);
        Response range = api.get(
                null,
                base + "/slots?service_id=" + dinner + "&party_size=2&start_date=" + day + "&end_date="
                        + day.plusDays(6));
        TestApi.expect(range, 200);
        assertThat(range.body().get("days").size()).isEqualTo(7);
        JsonNode first = range.body().get("days").get(0);
        assertThat(first.get("bookable").asBoolean()).isTrue();
        assertThat(first.get("slots").get(0).get("local_time").asString()).isEqualTo("10:00");
        assertThat(first.get("slots").get(0).has("resources")).isFalse();
        Response tooBig = api.get(null, base + "/slots?service_id=" + dinner + "&party_size=9&date=" + day);
        assertThat(tooBig.body().get("days").get(0).get("reason").asString()).isEqualTo("party_too_large");

        Response bad = api.get(null, base + "/slots?service_id=nope&party_size=x&date=2027-13-01&resource_id=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("invalid_query");
        assertThat(fieldsOf(bad)).containsExactlyInAnyOrder("service_id", "party_size", "date", "resource_id");
        Response long_ = api.get(
                null, base + "/slots?service_id=" + dinner + "&start_date=" + day + "&end_date=" + day.plusDays(70));
        assertThat(fieldsOf(long_)).containsExactly("end_date");
    }

    @Test
    void holdConfirmAndTheBookingAsTheGuestSeesIt() {
        Instant start = tomorrowAt(13);
        Response held = hold(dinner, start, 2);
        TestApi.expect(held, 201);
        String token = held.get("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(held.get("status")).isEqualTo("held");
        assertThat(held.body().get("hold_expires_at").isNull()).isFalse();
        assertThat(held.text()).doesNotContain("\"id\"").doesNotContain("internal_notes");

        Response noPolicy = confirm(token, fields("contact", contact("Ana", "García", "ana@example.com")));
        assertThat(noPolicy.status()).isEqualTo(422);
        assertThat(fieldsOf(noPolicy)).containsExactly("policy_accepted");
        Response noNames =
                confirm(token, fields("contact", contact(null, " ", "not-an-email"), "policy_accepted", true));
        assertThat(fieldsOf(noNames)).containsExactlyInAnyOrder("contact.first_name", "contact.last_name");
        Response badEmail =
                confirm(token, fields("contact", contact("Ana", "García", "not-an-email"), "policy_accepted", true));
        assertThat(fieldsOf(badEmail)).containsExactly("contact.email");

        Response booked = confirm(
                token,
                fields(
                        "contact",
                        contact("Ana", "García", "ana@example.com"),
                        "customer_notes",
                        "Window seat",
                        "policy_accepted",
                        true));
        TestApi.expect(booked, 200);
        assertThat(booked.get("status")).isEqualTo("confirmed");
        assertThat(booked.get("first_name")).isEqualTo("Ana");
        assertThat(booked.body().get("can_change").asBoolean()).isTrue();
        assertThat(booked.get("manage_path")).isEqualTo("/b/" + tenant.id() + "/all/manage/" + token);
        assertThat(confirm(
                                token,
                                fields("contact", contact("Ana", "García", "ana@example.com"), "policy_accepted", true))
                        .status())
                .as("a repeated click changes nothing")
                .isEqualTo(200);

        JsonNode reservation = api.get(key, "/reservations?confirmation_code=" + booked.get("confirmation_code"))
                .body()
                .get("data")
                .get(0);
        assertThat(reservation.get("source").asString()).isEqualTo("booking_page");
        assertThat(reservation.get("customer_notes").asString()).isEqualTo("Window seat");
        assertThat(reservation.get("is_override").asBoolean()).isFalse();
        assertThat(api.get(null, base + "/bookings/" + token).get("status")).isEqualTo("confirmed");
    }

    @Test
    void aServiceThatNeedsConfirmationLeavesTheBookingPending() {
        Response held = hold(brunch, tomorrowAt(11), 2);
        Response booked = confirm(
                held.get("token"), fields("contact", contact("Bo", "Lund", "bo@example.com"), "policy_accepted", true));
        assertThat(booked.get("status")).isEqualTo("pending");
    }

    @Test
    void theGuestCannotChooseWhatOnlyStaffMay() {
        Instant start = tomorrowAt(14);
        for (Map<String, Object> extra : List.of(
                Map.<String, Object>of("override", true),
                Map.<String, Object>of("internal_notes", "VIP"),
                Map.<String, Object>of("status", "confirmed"),
                Map.<String, Object>of("source", "manual"),
                Map.<String, Object>of("assigned_resources", List.of()))) {
            Map<String, Object> body =
                    fields("service_id", dinner, "party_size", 2, "start_datetime", start.toString());
            body.putAll(extra);
            Response refused = api.post(null, base + "/holds", body);
            assertThat(refused.status()).as(extra.toString()).isEqualTo(422);
            assertThat(refused.text()).contains(extra.keySet().iterator().next());
        }
        assertThat(api.get(key, "/reservations").body().get("total").asInt()).isZero();
    }

    @Test
    void aTakenStartIsAConflictWithTheNearestFreeStarts() {
        Instant start = tomorrowAt(15);
        TestApi.expect(hold(dinner, start, 2), 201);
        Response taken = hold(dinner, start, 2);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("slot_unavailable");
        assertThat(taken.body().get("nearest_available_starts").size()).isPositive();
    }

    @Test
    void cancellingAndReschedulingFollowTheServicesPolicy() {
        String token = book(dinner, tomorrowAt(18));
        Response moved = api.post(
                null,
                base + "/bookings/" + token + "/reschedule",
                fields("start_datetime", tomorrowAt(19).toString(), "party_size", 3));
        TestApi.expect(moved, 200);
        assertThat(moved.get("start_datetime")).isEqualTo(tomorrowAt(19).toString());
        assertThat(moved.body().get("party_size").asInt()).isEqualTo(3);

        String other = book(dinner, tomorrowAt(20));
        Response onTaken = api.post(
                null,
                base + "/bookings/" + other + "/reschedule",
                fields("start_datetime", tomorrowAt(19).toString()));
        assertThat(onTaken.status()).isEqualTo(409);
        assertThat(onTaken.code()).isEqualTo("slot_unavailable");

        Response cancelled = api.post(null, base + "/bookings/" + token + "/cancel", fields("reason", "Ill"));
        TestApi.expect(cancelled, 200);
        assertThat(cancelled.get("status")).isEqualTo("cancelled");
        assertThat(cancelled.body().get("can_change").asBoolean()).isFalse();
        assertThat(api.post(
                                null,
                                base + "/bookings/" + token + "/reschedule",
                                fields("start_datetime", tomorrowAt(21).toString()))
                        .code())
                .isEqualTo("invalid_transition");

        // Brunch: guests may cancel until 48 hours before; tomorrow is too late for both moves.
        String late = book(brunch, tomorrowAt(11));
        Response tooLate = api.post(null, base + "/bookings/" + late + "/cancel", fields());
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.code()).isEqualTo("outside_cancellation_window");
        Response noMove = api.post(
                null,
                base + "/bookings/" + late + "/reschedule",
                fields("start_datetime", tomorrowAt(12).toString()));
        assertThat(noMove.code()).isEqualTo("outside_cancellation_window");
        assertThat(api.get(null, base + "/bookings/" + late).get("status")).isEqualTo("pending");
    }

    @Test
    void unknownInactiveAndForeignAddressesAreNotFound() {
        String token = book(dinner, tomorrowAt(16));
        Tenant other = api.newTenant();
        TestApi.expect(
                api.post(other.adminKey(), "/reservation-booking-links", fields("name", "All", "slug", "all")), 201);
        String foreign = "/public/booking-links/" + other.id() + "/all";
        assertThat(api.get(null, foreign + "/bookings/" + token).status())
                .as("a token only opens its own link's booking")
                .isEqualTo(404);
        assertThat(api.get(null, base + "/bookings/" + token.substring(1) + "x").status())
                .isEqualTo(404);
        assertThat(api.get(null, base + "/bookings/short").status()).isEqualTo(404);
        Response unknown = api.get(null, "/public/booking-links/" + tenant.id() + "/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(null, "/public/booking-links/not-a-uuid/all").status())
                .isEqualTo(404);
        assertThat(api.get(null, foreign + "/slots?service_id=" + dinner + "&date=" + day(tomorrowAt(12)))
                        .status())
                .as("another organization's service through its link")
                .isEqualTo(404);

        String id = api.get(key, "/reservation-booking-links?slug=all")
                .body()
                .get("data")
                .get(0)
                .get("id")
                .asString();
        TestApi.expect(api.patch(key, "/reservation-booking-links/" + id, fields("is_active", false)), 200);
        assertThat(api.get(null, base).status()).isEqualTo(404);
        assertThat(hold(dinner, tomorrowAt(17), 2).status()).isEqualTo(404);
        Response kept = api.get(null, base + "/bookings/" + token);
        assertThat(kept.status())
                .as("guests keep their manage link when the page closes")
                .isEqualTo(200);
        assertThat(kept.body().get("link_active").asBoolean()).isFalse();
        assertThat(api.post(
                                null,
                                base + "/bookings/" + token + "/reschedule",
                                fields("start_datetime", tomorrowAt(18).toString()))
                        .status())
                .as("rescheduling needs an open page")
                .isEqualTo(404);
        TestApi.expect(api.post(null, base + "/bookings/" + token + "/cancel", fields()), 200);
    }

    // ---------- helpers ----------

    private Response hold(String service, Instant start, int party) {
        return api.post(
                null,
                base + "/holds",
                fields("service_id", service, "party_size", party, "start_datetime", start.toString()));
    }

    private Response confirm(String token, Map<String, Object> body) {
        return api.post(null, base + "/bookings/" + token + "/confirm", body);
    }

    private String book(String service, Instant start) {
        Response held = hold(service, start, 2);
        TestApi.expect(held, 201);
        TestApi.expect(
                confirm(
                        held.get("token"),
                        fields("contact", contact("Ana", "García", "ana@example.com"), "policy_accepted", true)),
                200);
        return held.get("token");
    }

    private static Map<String, Object> contact(String first, String last, String email) {
        return fields("first_name", first, "last_name", last, "email", email);
    }

    private static Instant tomorrowAt(int hour) {
        return LocalDate.now(BERLIN)
                .plusDays(1)
                .atTime(LocalTime.of(hour, 0))
                .atZone(BERLIN)
                .toInstant();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, BERLIN);
    }

    private static List<String> names(JsonNode services) {
        List<String> names = new ArrayList<>();
        services.forEach(s -> names.add(s.get("name").asString()));
        return names;
    }

    private static List<String> fieldsOf(Response response) {
        List<String> names = new ArrayList<>();
        assertThat(response.body().get("errors")).as(response.text()).isNotNull();
        response.body()
                .get("errors")
                .forEach(error -> names.add(error.get("field").asString()));
        return names;
    }
}

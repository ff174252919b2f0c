package io.reserva.bookingpages;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.ClockedIntegrationTest;
import io.reserva.support.MutableClock;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The waitlist from a booking page over HTTP: joining a full day, the private status link, answering an offer
 * through it, and every refusal; the guest sees only what they sent or own.
 */
@ClockedIntegrationTest
class GuestWaitlistIntegrationTests {

    /** Monday 2027-05-03, 10:00 in Berlin. */
    static final Instant START = Instant.parse("2027-05-03T08:00:00Z");

    static final String WEDNESDAY = "2027-05-05";
    /** Wednesday 19:00 in Berlin: the only start of the day. */
    static final Instant WEDNESDAY_SEVEN = Instant.parse("2027-05-05T17:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Tenant tenant;
    String key;
    String service;
    String base;

    @BeforeEach
    void setUp() {
        clock.set(START);
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields("name", "Dinner", "duration_minutes", 60, "max_party_size", 4));
        String table = catalog.resource("Table 1", "table", 4);
        catalog.link(service, table, "required");
        // One start a day, 19:00: one booking fills a day.
        catalog.everyDay(table, "19:00", "20:00");
        link("dinner", "later");
        base = "/public/booking-links/" + tenant.id() + "/dinner";
    }

    @Test
    void aGuestJoinsAFullDayFollowsTheStatusLinkAndAcceptsTheOfferIntoABookingWithItsManageLink() {
        Response booked = book(WEDNESDAY_SEVEN);
        Response slots = api.get(null, base + "/slots?service_id=" + service + "&party_size=2&date=" + WEDNESDAY);
        assertThat(slots.body().get("days").get(0).get("reason").asString()).isEqualTo("fully_booked");

        Response joined = join(later(2), "Ana", "+49 30 1000000");
        assertThat(joined.status()).as(joined.text()).isEqualTo(201);
        String token = joined.get("token");
        assertThat(token).hasSize(43);
        assertThat(joined.get("status_path")).isEqualTo("/b/" + tenant.id() + "/dinner/waitlist/" + token);
        assertThat(joined.get("status")).isEqualTo("waiting");
        assertThat(joined.body().get("position").asInt()).isEqualTo(1);
        assertThat(joined.body().has("id")).as("no entry id for the public").isFalse();
        assertThat(joined.text()).doesNotContain("contact", "+49301000000");
        assertThat(count("booking_page_waitlist_entries")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from booking_page_waitlist_entries where token_hash = :plain")
                        .param("plain", token.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .query(Long.class)
                        .single())
                .as("only the token's hash is stored")
                .isZero();
        Response staffView = api.get(key, "/waitlist-entries?source=booking_page");
        assertThat(staffView.body().get("total").asInt()).isEqualTo(1);
        assertThat(staffView
                        .body()
                        .get("data")
                        .get(0)
                        .get("contact")
                        .get("first_name")
                        .asString())
                .isEqualTo("Ana");

        Response status = api.get(null, base + "/waitlist/" + token);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().get("token").isNull())
                .as("the token is shown once")
                .isTrue();
        assertThat(status.get("service_name")).isEqualTo("Dinner");
        assertThat(status.body().get("offer_open").asBoolean()).isFalse();

        cancelAsStaff(booked.get("id"));
        Response offered = api.get(null, base + "/waitlist/" + token);
        assertThat(offered.get("status")).isEqualTo("offered");
        assertThat(offered.body().get("offer_open").asBoolean()).isTrue();
        assertThat(Instant.parse(offered.get("offer_start"))).isEqualTo(WEDNESDAY_SEVEN);

        Response accepted = api.post(null, base + "/waitlist/" + token + "/accept", Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.get("status")).isEqualTo("seated");
        assertThat(accepted.get("confirmation_code")).isNotBlank();
        assertThat(accepted.get("manage_path")).isEqualTo("/b/" + tenant.id() + "/dinner/manage/" + token);
        Response booking = api.get(null, base + "/bookings/" + token);
        assertThat(booking.status()).as(booking.text()).isEqualTo(200);
        assertThat(booking.get("status")).isEqualTo("confirmed");
        assertThat(Instant.parse(booking.get("start_datetime"))).isEqualTo(WEDNESDAY_SEVEN);
        assertThat(api.get(null, base + "/waitlist/" + token).get("manage_path"))
                .as("the status page keeps showing the booking")
                .isEqualTo(accepted.get("manage_path"));

        Response twice = api.post(null, base + "/waitlist/" + token + "/accept", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("no_open_offer");
    }

    @Test
    void aLapsedOfferIsRefusedAndTheGuestKeepsTheirPlaceADeclinedOnePassesOn() {
        Response booked = book(WEDNESDAY_SEVEN);
        String first = join(later(2), "Ben", "+49 30 2000000").get("token");
        String second = join(later(2), "Cy", "+49 30 3000000").get("token");
        cancelAsStaff(booked.get("id"));
        assertThat(api.get(null, base + "/waitlist/" + first).get("status")).isEqualTo("offered");

        clock.advance(Duration.ofMinutes(11));
        Response lapsed = api.post(null, base + "/waitlist/" + first + "/accept", Map.of());
        assertThat(lapsed.status()).as(lapsed.text()).isEqualTo(409);
        assertThat(lapsed.code()).isEqualTo("offer_expired");
        Response view = api.get(null, base + "/waitlist/" + first);
        assertThat(view.body().get("offer_open").asBoolean()).isFalse();
        assertThat(view.body().get("can_cancel").asBoolean()).isTrue();
        Response lapsedDecline = api.post(null, base + "/waitlist/" + first + "/decline", Map.of());
        assertThat(lapsedDecline.code()).isEqualTo("offer_expired");

        clock.set(START);
        Response declined = api.post(null, base + "/waitlist/" + first + "/decline", Map.of());
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.get("status")).isEqualTo("waiting");
        assertThat(api.get(null, base + "/waitlist/" + second).get("status")).isEqualTo("offered");

        Response left = api.post(null, base + "/waitlist/" + first + "/cancel", Map.of());
        assertThat(left.status()).as(left.text()).isEqualTo(200);
        assertThat(left.get("status")).isEqualTo("cancelled");
        assertThat(left.body().get("can_cancel").asBoolean()).isFalse();
        Response again = api.post(null, base + "/waitlist/" + first + "/cancel", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("invalid_transition");
    }

    @Test
    void tokensOpenOnlyTheirOwnEntryOnTheirOwnLink() {
        String token = join(later(2), "Dee", "+49 30 4000000").get("token");
        link("other", "later");
        String other = "/public/booking-links/" + tenant.id() + "/other";
        assertThat(api.get(null, other + "/waitlist/" + token).status())
                .as("another link")
                .isEqualTo(404);
        Response unknown = api.get(null, base + "/waitlist/" + "A".repeat(43));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");
        assertThat(api.get(null, base + "/waitlist/short").status()).isEqualTo(404);
        assertThat(api.post(null, base + "/waitlist/" + "B".repeat(43) + "/accept", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.post(null, base + "/waitlist/" + "B".repeat(43) + "/cancel", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(null, "/b/" + tenant.id() + "/dinner/waitlist/" + token)
                        .header("Content-Security-Policy"))
                .contains("default-src 'none'");
    }

    @Test
    void badJoinsAreRefusedAndWriteNothing() {
        long contacts = count("contacts");
        link("closed", "off");
        Response off = api.post(
                null,
                "/public/booking-links/" + tenant.id() + "/closed/waitlist",
                withGuest(later(2), "Eve", "+49 30 5000000"));
        assertThat(off.status()).as("the link takes no waitlist").isEqualTo(404);

        Response now = join(fields("service_id", service, "party_size", 2, "kind", "now"), "Eve", "+49 30 5000000");
        assertThat(now.status()).isEqualTo(422);
        assertThat(now.text()).contains("\"kind\"");

        Response noPhone = join(later(2), "Eve", null);
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.text()).contains("contact.phone");

        Response tooMany = join(later(5), "Eve", "+49 30 5000000");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.text()).contains("party_size");

        Map<String, Object> foreign = later(2);
        foreign.put("service_id", UUID.randomUUID().toString());
        assertThat(join(foreign, "Eve", "+49 30 5000000").status()).isEqualTo(404);

        Map<String, Object> unknownField = later(2);
        unknownField.put("source", "api");
        assertThat(join(unknownField, "Eve", "+49 30 5000000").status())
                .as("a guest cannot choose what only the API may")
                .isEqualTo(422);
        assertThat(count("contacts")).isEqualTo(contacts);
        assertThat(count("waitlist_entries")).isZero();

        assertThat(join(later(2), "Eve", "+49 30 5000000").status()).isEqualTo(201);
        Response twice = join(later(2), "Eve", "+49 30 5000000");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("already_on_waitlist");
    }

    @Test
    void aStrangerTypingSomeoneElsesPhoneIsNotFiledUnderThemAndSeesNothingOfThem() {
        Response known = api.post(
                key,
                "/contacts",
                fields("first_name", "Zoe", "last_name", "Secret", "phone", "+49 30 9000000", "email", "zoe@x.de"));
        assertThat(known.status()).as(known.text()).isEqualTo(201);
        Response joined = join(later(2), "Mallory", "+49 30 9000000");
        assertThat(joined.status()).as(joined.text()).isEqualTo(201);
        assertThat(joined.text()).doesNotContain("Zoe", "Secret", "zoe@x.de");
        assertThat(api.get(null, base + "/waitlist/" + joined.get("token")).text())
                .doesNotContain("Zoe", "Secret", "zoe@x.de");
        JsonNode stored = api.get(key, "/waitlist-entries?source=booking_page")
                .body()
                .get("data")
                .get(0);
        assertThat(stored.get("contact_id").isNull()).as("not filed under Zoe").isTrue();
        assertThat(stored.get("contact").get("first_name").asString()).isEqualTo("Mallory");
        assertThat(api.get(key, "/contacts/" + known.get("id")).get("first_name"))
                .as("Zoe's card is untouched")
                .isEqualTo("Zoe");
    }

    @Test
    void aLinkThatAllowsItTakesTheQueueAtTheDoorWithAQuote() {
        link("door", "later_and_now");
        String door = "/public/booking-links/" + tenant.id() + "/door";
        // Monday evening, 19:05: the door is open and the only table is free.
        clock.set(Instant.parse("2027-05-03T17:05:00Z"));
        Response joined = api.post(
                null,
                door + "/waitlist",
                withGuest(fields("service_id", service, "party_size", 2, "kind", "now"), "Fay", "+49 30 6000000"));
        assertThat(joined.status()).as(joined.text()).isEqualTo(201);
        assertThat(joined.get("kind")).isEqualTo("now");
        assertThat(joined.get("date")).isEqualTo("2027-05-03");
        assertThat(joined.body().get("parties_ahead").asInt()).isZero();
        assertThat(Instant.parse(joined.get("estimated_seat_from"))).isAfterOrEqualTo(clock.instant());
        assertThat(joined.body().get("window_start").isNull()).isTrue();
    }

    private void link(String slug, String waitlist) {
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-booking-links",
                        fields("name", slug, "slug", slug, "page_config", fields("waitlist", waitlist))),
                201);
    }

    private Map<String, Object> later(int partySize) {
        return fields(
                "service_id",
                service,
                "party_size",
                partySize,
                "kind",
                "later",
                "date",
                WEDNESDAY,
                "window_start",
                "18:30",
                "window_end",
                "20:00");
    }

    private static Map<String, Object> withGuest(Map<String, Object> body, String name, String phone) {
        Map<String, Object> withGuest = new java.util.LinkedHashMap<>(body);
        withGuest.put(
                "contact", phone == null ? fields("first_name", name) : fields("first_name", name, "phone", phone));
        return withGuest;
    }

    private Response join(Map<String, Object> body, String name, String phone) {
        return api.post(null, base + "/waitlist", withGuest(body, name, phone));
    }

    private Response book(Instant start) {
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        start.toString(),
                        "contact",
                        fields("first_name", "Booker", "email", "booker-" + UUID.randomUUID() + "@example.com")));
        TestApi.expect(booked, 201);
        return booked;
    }

    private void cancelAsStaff(String reservation) {
        TestApi.expect(api.patch(key, "/reservations/" + reservation, fields("status", "cancelled")), 200);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where organization_id = :org")
                .param("org", tenant.id())
                .query(Long.class)
                .single();
    }
}

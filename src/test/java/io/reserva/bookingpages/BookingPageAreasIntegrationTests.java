package io.reserva.bookingpages;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A booking link that lets guests choose an area of the floor: the link's area_ids (kept, changed, refused when they
 * are not the organization's or repeat), the page showing only those areas' ids and names, the slots of one of them,
 * a hold that asks for it, and the refusal of an area the page does not offer.
 */
@IntegrationTest
class BookingPageAreasIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String key;
    String dinner;
    String terrace;
    String dining;
    String bar;
    String linkId;
    String base;
    LocalDate day;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        dinner = catalog.service(fields("name", "Dinner", "duration_minutes", 60, "slot_interval", 60));
        terrace = area(key, "Terrace", "Under the awning, heaters in winter");
        dining = area(key, "Dining room", null);
        bar = area(key, "Bar", "Stools at the counter");
        // Best fit alone seats a couple at the dining room's two-top; the terrace and the bar have four-tops.
        String diningTable =
                catalog.resource(fields("name", "Table 1", "resource_type", "table", "capacity", 2, "area_id", dining));
        String terraceTable = catalog.resource(
                fields("name", "Table 7", "resource_type", "table", "capacity", 4, "area_id", terrace));
        String barTable =
                catalog.resource(fields("name", "Table 9", "resource_type", "table", "capacity", 4, "area_id", bar));
        catalog.link(dinner, diningTable, "any_available");
        for (String table : List.of(diningTable, terraceTable, barTable)) {
            catalog.everyDay(table, "18:00", "22:00");
        }
        Response link = api.post(
                key,
                "/reservation-booking-links",
                fields("name", "Dinner", "slug", "dinner", "area_ids", List.of(terrace, dining)));
        TestApi.expect(link, 201);
        linkId = link.get("id");
        base = "/public/booking-links/" + tenant.id() + "/dinner";
        day = LocalDate.now(BERLIN).plusDays(3);
    }

    private String area(String apiKey, String name, String description) {
        Response created = api.post(apiKey, "/reservation-areas", fields("name", name, "description", description));
        TestApi.expect(created, 201);
        return created.get("id");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private List<String> areasOfLink() {
        Response link = api.get(key, "/reservation-booking-links/" + linkId);
        TestApi.expect(link, 200);
        return strings(link.body().get("area_ids"));
    }

    private String at(String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant().toString();
    }

    private List<String> starts(String areaQuery) {
        Response slots = api.get(null, base + "/slots?service_id=" + dinner + "&party_size=2&date=" + day + areaQuery);
        TestApi.expect(slots, 200);
        List<String> starts = new ArrayList<>();
        slots.body()
                .get("days")
                .get(0)
                .get("slots")
                .forEach(slot -> starts.add(slot.get("start_datetime").asString()));
        return starts;
    }

    private Response hold(String start, String area) {
        return api.post(
                null,
                base + "/holds",
                fields("service_id", dinner, "party_size", 2, "start_datetime", start, "seating_preference", area));
    }

    private Response confirm(String token) {
        return api.post(
                null,
                base + "/bookings/" + token + "/confirm",
                fields("contact", fields("first_name", "Ana", "last_name", "García", "email", "ana@example.com")));
    }

    private int reservationCount() {
        return api.get(key, "/reservations?service_id=" + dinner)
                .body()
                .get("total")
                .asInt();
    }

    @Test
    void aLinkKeepsTheAreasItOffersInItsOrderAndAPatchReplacesOrClearsThem() {
        assertThat(areasOfLink()).containsExactly(terrace, dining);
        Response none = api.post(key, "/reservation-booking-links", fields("name", "Lunch", "slug", "lunch"));
        TestApi.expect(none, 201);
        assertThat(strings(none.body().get("area_ids")))
                .as("left out: no choice")
                .isEmpty();

        Response reordered = api.patch(
                key, "/reservation-booking-links/" + linkId, fields("area_ids", List.of(dining, bar, terrace)));
        TestApi.expect(reordered, 200);
        assertThat(strings(reordered.body().get("area_ids"))).containsExactly(dining, bar, terrace);
        assertThat(areasOfLink()).containsExactly(dining, bar, terrace);

        TestApi.expect(api.patch(key, "/reservation-booking-links/" + linkId, fields("name", "Dinner page")), 200);
        assertThat(areasOfLink()).as("a PATCH without area_ids keeps them").containsExactly(dining, bar, terrace);

        TestApi.expect(api.patch(key, "/reservation-booking-links/" + linkId, fields("area_ids", List.of())), 200);
        assertThat(areasOfLink()).isEmpty();
        assertThat(api.get(null, base).body().get("areas").size()).isZero();
        TestApi.expect(
                api.patch(key, "/reservation-booking-links/" + linkId, fields("area_ids", List.of(terrace))), 200);
        TestApi.expect(api.patch(key, "/reservation-booking-links/" + linkId, fields("area_ids", null)), 200);
        assertThat(areasOfLink()).as("null clears them too").isEmpty();
    }

    @Test
    void theOpenApiDocumentDescribesTheSettingWithExamples() {
        JsonNode document = api.get(null, "/openapi.json").body();
        JsonNode schemas = document.get("components").get("schemas");
        for (String schema : List.of("NewBookingLink", "BookingLinkChanges", "BookingLink")) {
            JsonNode areaIds = schemas.get(schema).get("properties").get("area_ids");
            assertThat(areaIds).as(schema).isNotNull();
            assertThat(areaIds.has("example")).as(schema).isTrue();
        }
        JsonNode links = document.get("paths").get("/reservation-booking-links");
        assertThat(links.get("post").get("requestBody").toString()).contains("area_ids");
        assertThat(document.get("paths")
                        .get("/reservation-booking-links/{id}")
                        .get("patch")
                        .get("requestBody")
                        .toString())
                .contains("area_ids");
        assertThat(schemas.get("PublicBookingPage").get("properties").has("areas"))
                .isTrue();
        assertThat(schemas.get("HoldRequest").get("properties").has("seating_preference"))
                .isTrue();
    }

    @Test
    void anAreaOfAnotherOrganizationAnUnknownOneOrARepeatIsRefusedNamingTheFieldAndNothingIsWritten() {
        Tenant other = api.newTenant();
        String theirs = area(other.adminKey(), "Their terrace", null);
        String unknown = UUID.randomUUID().toString();

        Response foreign = api.post(
                key,
                "/reservation-booking-links",
                fields("name", "Brunch", "slug", "brunch", "area_ids", List.of(terrace, theirs, unknown)));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.code()).isEqualTo("validation_failed");
        assertThat(foreign.errorFields()).containsExactly("area_ids[1]", "area_ids[2]");
        Response repeated = api.post(
                key,
                "/reservation-booking-links",
                fields("name", "Brunch", "slug", "brunch", "area_ids", List.of(terrace, dining, terrace)));
        assertThat(repeated.status()).isEqualTo(422);
        assertThat(repeated.errorFields()).containsExactly("area_ids");
        assertThat(api.get(key, "/reservation-booking-links?slug=brunch")
                        .body()
                        .get("total")
                        .asInt())
                .as("nothing was created")
                .isZero();

        Response patched = api.patch(
                key, "/reservation-booking-links/" + linkId, fields("name", "Renamed", "area_ids", List.of(theirs)));
        assertThat(patched.status()).isEqualTo(422);
        assertThat(patched.errorFields()).containsExactly("area_ids[0]");
        Response twice =
                api.patch(key, "/reservation-booking-links/" + linkId, fields("area_ids", List.of(dining, dining)));
        assertThat(twice.errorFields()).containsExactly("area_ids");
        JsonNode kept = api.get(key, "/reservation-booking-links/" + linkId).body();
        assertThat(kept.get("name").asString())
                .as("a refused PATCH changes nothing")
                .isEqualTo("Dinner");
        assertThat(strings(kept.get("area_ids"))).containsExactly(terrace, dining);
        assertThat(api.get(other.adminKey(), "/reservation-areas/" + theirs).status())
                .isEqualTo(200);
    }

    @Test
    void aDeletedAreaDropsOutOfTheOffer() {
        String garden = area(key, "Garden", null);
        TestApi.expect(
                api.patch(key, "/reservation-booking-links/" + linkId, fields("area_ids", List.of(garden, terrace))),
                200);
        assertThat(api.get(null, base).body().get("areas").size()).isEqualTo(2);

        TestApi.expect(api.delete(key, "/reservation-areas/" + garden), 200);
        assertThat(areasOfLink()).containsExactly(terrace);
        JsonNode areas = api.get(null, base).body().get("areas");
        assertThat(areas.size()).isEqualTo(1);
        assertThat(areas.get(0).get("name").asString()).isEqualTo("Terrace");
        assertThat(api.get(null, base + "/slots?service_id=" + dinner + "&date=" + day + "&area_id=" + garden)
                        .errorFields())
                .containsExactly("area_id");
    }

    @Test
    void thePageShowsTheOfferedAreasByIdAndNameOnly() {
        Response page = api.get(null, base);
        TestApi.expect(page, 200);
        JsonNode areas = page.body().get("areas");
        assertThat(areas.size()).isEqualTo(2);
        assertThat(areas.get(0).get("id").asString()).isEqualTo(terrace);
        assertThat(areas.get(0).get("name").asString()).isEqualTo("Terrace");
        assertThat(areas.get(1).get("name").asString()).isEqualTo("Dining room");
        List<String> keys = new ArrayList<>();
        areas.get(0).propertyNames().forEach(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("id", "name");
        assertThat(page.text())
                .as("nothing of the areas not offered, nor descriptions, nor tables")
                .doesNotContain("Bar")
                .doesNotContain(bar)
                .doesNotContain("awning")
                .doesNotContain("Table 7")
                .doesNotContain("area_ids");
    }

    @Test
    void theSlotsOfAnAreaAndAHoldAskingForItSeatTheGuestThere() {
        assertThat(starts("&area_id=" + terrace)).contains(at("19:00"));
        Response held = hold(at("19:00"), terrace);
        TestApi.expect(held, 201);
        assertThat(held.body().get("seating_preference").get("name").asString()).isEqualTo("Terrace");
        assertThat(held.body().get("seating_preference_met").asBoolean()).isTrue();
        Response booked = confirm(held.get("token"));
        TestApi.expect(booked, 200);

        JsonNode reservation = api.get(key, "/reservations?confirmation_code=" + booked.get("confirmation_code"))
                .body()
                .get("data")
                .get(0);
        assertThat(reservation.get("seating_preference").asString()).isEqualTo(terrace);
        assertThat(reservation.get("seating_preference_met").asBoolean()).isTrue();
        assertThat(reservation.get("assigned_resources").get(0).get("name").asString())
                .as("the terrace's four-top, not the better-fitting two-top inside")
                .isEqualTo("Table 7");
        JsonNode guestView =
                api.get(null, base + "/bookings/" + held.get("token")).body();
        assertThat(guestView.get("seating_preference").get("id").asString()).isEqualTo(terrace);
        assertThat(guestView.get("seating_preference_met").asBoolean()).isTrue();

        assertThat(starts("&area_id=" + terrace))
                .as("the terrace is taken at 19:00")
                .doesNotContain(at("19:00"));
        assertThat(starts("&area_id=" + dining)).contains(at("19:00"));
        assertThat(starts("")).as("the whole floor still has room at 19:00").contains(at("19:00"));
    }

    @Test
    void aGuestWhoseAreaIsFullAtTheStartIsSeatedElsewhereAndToldSo() {
        TestApi.expect(
                api.post(
                        key,
                        "/reservations",
                        fields(
                                "service_id",
                                dinner,
                                "party_size",
                                2,
                                "start_datetime",
                                at("20:00"),
                                "seating_preference",
                                terrace)),
                201);
        Response held = hold(at("20:00"), terrace);
        TestApi.expect(held, 201);
        assertThat(held.body().get("seating_preference_met").asBoolean()).isFalse();
        JsonNode anywhere = hold(at("21:00"), null).body();
        assertThat(anywhere.get("seating_preference").isNull()).isTrue();
        assertThat(anywhere.get("seating_preference_met").isNull()).isTrue();
    }

    @Test
    void anAreaThePageDoesNotOfferIsRefusedNamingTheField() {
        Tenant other = api.newTenant();
        String theirs = area(other.adminKey(), "Their terrace", null);
        for (String area : List.of(bar, theirs, UUID.randomUUID().toString(), "terrace")) {
            Response slots = api.get(null, base + "/slots?service_id=" + dinner + "&date=" + day + "&area_id=" + area);
            assertThat(slots.status()).as(area).isEqualTo(400);
            assertThat(slots.code()).isEqualTo("invalid_query");
            assertThat(slots.errorFields()).containsExactly("area_id");
        }
        for (String area : List.of(bar, theirs, UUID.randomUUID().toString())) {
            Response held = hold(at("19:00"), area);
            assertThat(held.status()).as(area).isEqualTo(422);
            assertThat(held.code()).isEqualTo("validation_failed");
            assertThat(held.errorFields()).containsExactly("seating_preference");
        }
        assertThat(reservationCount()).as("a refused hold books nothing").isZero();

        TestApi.expect(api.patch(key, "/reservation-booking-links/" + linkId, fields("area_ids", List.of())), 200);
        assertThat(hold(at("19:00"), terrace).errorFields())
                .as("a page that offers no areas takes none")
                .containsExactly("seating_preference");
        assertThat(api.get(null, base + "/slots?service_id=" + dinner + "&date=" + day + "&area_id=" + terrace)
                        .status())
                .isEqualTo(400);
    }
}

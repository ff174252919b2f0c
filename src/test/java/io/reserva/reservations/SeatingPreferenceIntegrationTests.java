package io.reserva.reservations;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Areas of the floor over HTTP: the catalog keeps them and refuses bad ones naming the problem, a guest's seating
 * preference is honoured while its area has room and reported when it has not, and the slots endpoint asked for an
 * area lists exactly what a booking preferring it gets there.
 */
@IntegrationTest
class SeatingPreferenceIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2027, 4, 5);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String SEVEN = at("19:00");

    @LocalServerPort
    int port;

    TestApi api;
    String key;
    java.util.UUID tenantId;
    CatalogFixtures catalog;
    String service;
    String terrace;
    String dining;
    String terraceTable;
    String diningTable;

    static String at(String time) {
        return DAY.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant().toString();
    }

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        Tenant tenant = api.newTenant();
        key = tenant.adminKey();
        tenantId = tenant.id();
        catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields("name", "Dinner", "duration_minutes", 60, "slot_interval", 60));
        terrace = area("Terrace");
        dining = area("Dining room");
        // Best fit alone picks the two-top in the dining room for a couple; the terrace only has a four-top.
        diningTable =
                catalog.resource(fields("name", "Table 1", "resource_type", "table", "capacity", 2, "area_id", dining));
        terraceTable = catalog.resource(
                fields("name", "Table 7", "resource_type", "table", "capacity", 4, "area_id", terrace));
        catalog.link(service, diningTable, "any_available");
        catalog.everyDay(diningTable, "18:00", "22:00");
        catalog.everyDay(terraceTable, "18:00", "22:00");
    }

    private String area(String name) {
        Response created = api.post(key, "/reservation-areas", fields("name", name));
        TestApi.expect(created, 201);
        return created.get("id");
    }

    private Response book(String start, Object... extra) {
        List<Object> body = new ArrayList<>(List.of("service_id", service, "party_size", 2, "start_datetime", start));
        body.addAll(List.of(extra));
        return api.post(key, "/reservations", fields(body.toArray()));
    }

    private static String table(Response reservation) {
        return reservation.body().get("assigned_resources").get(0).get("name").asString();
    }

    private List<String> starts(String query) {
        List<String> starts = new ArrayList<>();
        api.get(key, "/reservation-available-slots?service_id=" + service + "&date=" + DAY + "&party_size=2" + query)
                .body()
                .get("slots")
                .forEach(slot -> starts.add(slot.get("start_datetime").asString()));
        return starts;
    }

    @Test
    void anAreaIsCreatedReadListedChangedAndDeletedOnceNoTableStandsInIt() {
        String bar = area("Bar");
        assertThat(api.get(key, "/reservation-areas/" + bar).get("name")).isEqualTo("Bar");
        JsonNode listed = api.get(key, "/reservation-areas?name=Terrace").body();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(api.get(key, "/reservation-resources?area_id=" + terrace)
                        .body()
                        .get("data")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Table 7");

        Response renamed = api.patch(key, "/reservation-areas/" + bar, fields("name", "Cocktail bar"));
        TestApi.expect(renamed, 200);
        assertThat(renamed.get("name")).isEqualTo("Cocktail bar");

        TestApi.expect(api.delete(key, "/reservation-areas/" + bar), 200);
        assertThat(api.get(key, "/reservation-areas/" + bar).status()).isEqualTo(404);
    }

    @Test
    void badAreasAndPreferencesAreRefusedNamingTheProblemAndNothingIsStored() {
        Tenant other = api.newTenant();
        Response theirs = api.post(other.adminKey(), "/reservation-areas", fields("name", "Their terrace"));
        TestApi.expect(theirs, 201);
        String foreignArea = theirs.get("id");

        Response nameless = api.post(key, "/reservation-areas", fields("description", "no name"));
        assertThat(nameless.status()).isEqualTo(422);
        assertThat(nameless.errorFields()).containsExactly("name");

        Response foreignTable = api.post(
                key, "/reservation-resources", fields("name", "T9", "resource_type", "table", "area_id", foreignArea));
        assertThat(foreignTable.status()).isEqualTo(422);
        assertThat(foreignTable.errorFields()).containsExactly("area_id");
        assertThat(foreignTable.body().get("detail").asString()).contains("names no area");

        Response moved = api.patch(key, "/reservation-resources/" + diningTable, fields("area_id", foreignArea));
        assertThat(moved.status()).isEqualTo(422);
        assertThat(api.get(key, "/reservation-resources/" + diningTable).get("area_id"))
                .isEqualTo(dining);

        Response inUse = api.delete(key, "/reservation-areas/" + terrace);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.body().get("code").asString()).isEqualTo("conflict");
        assertThat(inUse.body().get("detail").asString()).contains("'Table 7'");
        assertThat(api.get(key, "/reservation-areas/" + terrace).status()).isEqualTo(200);

        Response foreignPreference = book(SEVEN, "seating_preference", foreignArea);
        assertThat(foreignPreference.status()).isEqualTo(422);
        assertThat(foreignPreference.errorFields()).containsExactly("seating_preference");
        assertThat(api.get(key, "/reservations?service_id=" + service)
                        .body()
                        .get("total")
                        .asInt())
                .isZero();

        assertThat(api.get(
                                key,
                                "/reservation-available-slots?service_id=" + service + "&date=" + DAY + "&area_id="
                                        + foreignArea)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(key, "/reservation-areas/" + foreignArea).status()).isEqualTo(404);

        // Once its table has moved to no area, the terrace can go.
        TestApi.expect(api.patch(key, "/reservation-resources/" + terraceTable, fields("area_id", null)), 200);
        TestApi.expect(api.delete(key, "/reservation-areas/" + terrace), 200);
    }

    @Test
    void aPreferenceIsHonouredWhileItsAreaHasRoomAndReportedWhenItHasNot() {
        assertThat(starts("&area_id=" + terrace)).contains(SEVEN);

        Response first = book(SEVEN, "seating_preference", terrace);
        TestApi.expect(first, 201);
        assertThat(table(first)).isEqualTo("Table 7");
        assertThat(first.body().get("seating_preference").asString()).isEqualTo(terrace);
        assertThat(first.body().get("seating_preference_met").asBoolean()).isTrue();
        JsonNode assigned = first.body().get("assigned_resources").get(0);
        assertThat(assigned.get("area_id").asString()).isEqualTo(terrace);
        assertThat(assigned.get("area_name").asString()).isEqualTo("Terrace");

        // The terrace is full at seven: the slots for it leave seven out, while the floor still offers it.
        assertThat(starts("&area_id=" + terrace)).doesNotContain(SEVEN).contains(at("18:00"), at("20:00"));
        assertThat(starts("")).contains(SEVEN);

        Response second = book(SEVEN, "seating_preference", terrace);
        TestApi.expect(second, 201);
        assertThat(table(second)).isEqualTo("Table 1");
        assertThat(second.body().get("seating_preference_met").asBoolean()).isFalse();

        Response plain = book(at("20:00"));
        TestApi.expect(plain, 201);
        assertThat(plain.body().get("seating_preference").isNull()).isTrue();
        assertThat(plain.body().get("seating_preference_met").isNull()).isTrue();

        JsonNode pushed = api.get(key, "/events?type=reservation.resources_assigned")
                .body()
                .get("data");
        List<Map<String, String>> where = new ArrayList<>();
        pushed.forEach(event -> {
            JsonNode resource = event.get("data").get("assigned_resources").get(0);
            where.add(Map.of(
                    "table",
                    resource.get("name").asString(),
                    "area",
                    resource.get("area_name").asString()));
        });
        assertThat(where)
                .as("the POS hears the table and its area")
                .contains(
                        Map.of("table", "Table 7", "area", "Terrace"),
                        Map.of("table", "Table 1", "area", "Dining room"));

        // Moved to eight, where the terrace is free, the guest's preference is honoured again and says so.
        Response moved = api.patch(key, "/reservations/" + second.get("id"), fields("start_datetime", at("20:00")));
        TestApi.expect(moved, 200);
        assertThat(table(moved)).isEqualTo("Table 7");
        assertThat(moved.body().get("seating_preference").asString()).isEqualTo(terrace);
        assertThat(moved.body().get("seating_preference_met").asBoolean()).isTrue();
    }

    @Test
    void aPatchOfTheSeatingPreferencePlacesThePartyAgainWithIt() {
        Response booked = book(SEVEN);
        TestApi.expect(booked, 201);
        assertThat(table(booked)).isEqualTo("Table 1");
        String path = "/reservations/" + booked.get("id");

        Response outside = api.patch(key, path, fields("seating_preference", terrace));
        TestApi.expect(outside, 200);
        assertThat(table(outside)).isEqualTo("Table 7");
        assertThat(outside.body().get("seating_preference").asString()).isEqualTo(terrace);
        assertThat(outside.body().get("seating_preference_met").asBoolean()).isTrue();

        Response theirs = api.post(api.newTenant().adminKey(), "/reservation-areas", fields("name", "Their terrace"));
        TestApi.expect(theirs, 201);
        Response foreign = api.patch(key, path, fields("seating_preference", theirs.get("id")));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.errorFields()).containsExactly("seating_preference");
        assertThat(api.get(key, path).get("seating_preference"))
                .as("nothing changed")
                .isEqualTo(terrace);

        Response anywhere = api.patch(key, path, fields("seating_preference", null));
        TestApi.expect(anywhere, 200);
        assertThat(anywhere.body().get("seating_preference").isNull()).isTrue();
        assertThat(anywhere.body().get("seating_preference_met").isNull()).isTrue();
        assertThat(table(anywhere)).as("placed again by best fit").isEqualTo("Table 1");
    }

    /**
     * The terrace keeps hours of its own (it closes at eight for the neighbours, and one day it does not open): its
     * tables are open only where both they and the terrace are, the slots for it say so, and a guest asking for it
     * outside its hours is seated inside and told.
     */
    @Test
    void anAreaKeepsHoursOfItsOwnAndItsTablesFollowThem() {
        List<Map<String, Object>> untilEight = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            untilEight.add(CatalogFixtures.window(day, "18:00", "20:00"));
        }
        Response week = api.put(
                key, "/reservation-resource-availability/week", fields("area_id", terrace, "windows", untilEight));
        TestApi.expect(week, 200);
        assertThat(week.body().get("area_id").asString()).isEqualTo(terrace);
        assertThat(week.body().get("resource_id").isNull()).isTrue();
        assertThat(api.get(key, "/reservation-resource-availability?area_id=" + terrace)
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(7);
        assertThat(api.get(key, "/reservation-resource-availability?resource_id=null&area_id=null")
                        .body()
                        .get("total")
                        .asInt())
                .as("the terrace's week is not the business hours")
                .isZero();

        // The console shades the terrace's table after eight, the dining room's only after ten.
        JsonNode opening = api.get(key, "/organizations/" + tenantId + "/days/" + DAY)
                .body()
                .get("resources");
        Map<String, String> closes = new java.util.HashMap<>();
        opening.forEach(resource -> closes.put(
                resource.get("name").asString(),
                resource.get("open").get(0).get("until_local").asString()));
        assertThat(closes.get("Table 7")).startsWith(DAY + "T20:00");
        assertThat(closes.get("Table 1")).startsWith(DAY + "T22:00");

        // A dinner lasts an hour: seven is the terrace's last start; the dining room goes on until nine.
        assertThat(starts("&area_id=" + terrace)).containsExactly(at("18:00"), at("19:00"));
        assertThat(starts("")).contains(at("20:00"), at("21:00"));
        Response late = book(at("20:00"), "seating_preference", terrace);
        TestApi.expect(late, 201);
        assertThat(table(late)).isEqualTo("Table 1");
        assertThat(late.body().get("seating_preference_met").asBoolean()).isFalse();

        Response closed = api.post(
                key,
                "/reservation-resource-exceptions",
                fields("area_id", terrace, "date", DAY.toString(), "exception_type", "blocked", "reason", "Storm"));
        TestApi.expect(closed, 201);
        assertThat(closed.get("area_id")).isEqualTo(terrace);
        assertThat(starts("&area_id=" + terrace)).isEmpty();
        Response stormy = book(SEVEN, "seating_preference", terrace);
        TestApi.expect(stormy, 201);
        assertThat(table(stormy)).isEqualTo("Table 1");
        assertThat(stormy.body().get("seating_preference_met").asBoolean()).isFalse();
    }

    @Test
    void hoursNamingBothAResourceAndAnAreaOrAnotherOrganizationsAreaAreRefusedAndNothingIsStored() {
        String otherKey = api.newTenant().adminKey();
        Response theirs = api.post(otherKey, "/reservation-areas", fields("name", "Their terrace"));
        TestApi.expect(theirs, 201);

        Response both = api.post(
                key,
                "/reservation-resource-availability",
                fields(
                        "resource_id",
                        terraceTable,
                        "area_id",
                        terrace,
                        "day_of_week",
                        1,
                        "start_time",
                        "18:00",
                        "end_time",
                        "20:00"));
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.errorFields()).containsExactly("area_id");
        Response bothClosed = api.post(
                key,
                "/reservation-resource-exceptions",
                fields(
                        "resource_id",
                        terraceTable,
                        "area_id",
                        terrace,
                        "date",
                        DAY.toString(),
                        "exception_type",
                        "blocked"));
        assertThat(bothClosed.status()).isEqualTo(422);
        assertThat(bothClosed.errorFields()).containsExactly("area_id");

        Response foreign = api.put(
                key,
                "/reservation-resource-availability/week",
                fields("area_id", theirs.get("id"), "windows", List.of(CatalogFixtures.window(1, "18:00", "20:00"))));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("detail").asString()).contains(theirs.get("id"));

        assertThat(api.get(key, "/reservation-resource-availability?area_id=" + terrace)
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.get(key, "/reservation-resource-exceptions?area_id=" + terrace)
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(starts("&area_id=" + terrace)).contains(SEVEN);

        // An area's hours go with it once it is deleted.
        TestApi.expect(
                api.put(
                        key,
                        "/reservation-resource-availability/week",
                        fields("area_id", terrace, "windows", List.of(CatalogFixtures.window(1, "18:00", "20:00")))),
                200);
        TestApi.expect(api.patch(key, "/reservation-resources/" + terraceTable, fields("area_id", null)), 200);
        TestApi.expect(api.delete(key, "/reservation-areas/" + terrace), 200);
        assertThat(api.get(key, "/reservation-resource-availability?area_id=" + terrace)
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
    }
}

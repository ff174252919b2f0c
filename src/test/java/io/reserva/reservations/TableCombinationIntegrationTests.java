package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.AllocationAudit;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Table combinations over HTTP: the catalog refuses bad ones naming the problem, a party of eight books two
 * joined tables of four, and a combination and its tables are never double-booked (raced across two nodes in
 * {@link FloorTwoNodesIntegrationTests}).
 */
@IntegrationTest
class TableCombinationIntegrationTests {

    static final String START = LocalDate.of(2027, 4, 5)
            .atTime(LocalTime.of(19, 0))
            .atZone(ZoneId.of("Europe/Berlin"))
            .toInstant()
            .toString();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Tenant tenant;
    String key;
    CatalogFixtures catalog;
    String service;
    String fourA;
    String fourB;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 30));
        fourA = catalog.resource("Table 4a", "table", 4);
        fourB = catalog.resource("Table 4b", "table", 4);
        catalog.link(service, fourA, "any_available");
        catalog.everyDay(fourA, "18:00", "23:00");
        catalog.everyDay(fourB, "18:00", "23:00");
    }

    private Response combine(Object... body) {
        return api.post(key, "/reservation-resource-combinations", fields(body));
    }

    private Response book(int partySize, String preferred) {
        return api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        partySize,
                        "start_datetime",
                        START,
                        "preferred_resource_id",
                        preferred));
    }

    private static List<String> tables(Response reservation) {
        List<String> names = new ArrayList<>();
        reservation
                .body()
                .get("assigned_resources")
                .forEach(r -> names.add(r.get("name").asString()));
        return names;
    }

    @Test
    void aCombinationIsCreatedReadListedChangedAndDeleted() {
        Response created = combine("name", "4a + 4b", "resource_ids", List.of(fourA, fourB), "max_party_size", 8);
        TestApi.expect(created, 201);
        String id = created.get("id");
        assertThat(created.body().get("min_party_size").asInt()).isEqualTo(1);
        assertThat(created.body().get("resource_ids").get(1).asString()).isEqualTo(fourB);

        assertThat(api.get(key, "/reservation-resource-combinations/" + id).get("name"))
                .isEqualTo("4a + 4b");
        JsonNode listed = api.get(key, "/reservation-resource-combinations?max_party_size[$gte]=8")
                .body();
        assertThat(listed.get("total").asInt()).isEqualTo(1);
        assertThat(listed.get("data").get(0).get("resource_ids").size()).isEqualTo(2);

        Response changed = api.patch(
                key,
                "/reservation-resource-combinations/" + id,
                fields("name", "Window pair", "min_party_size", 5, "resource_ids", List.of(fourB, fourA)));
        TestApi.expect(changed, 200);
        assertThat(changed.body().get("resource_ids").get(0).asString()).isEqualTo(fourB);
        assertThat(changed.body().get("max_party_size").asInt()).isEqualTo(8);

        TestApi.expect(api.delete(key, "/reservation-resource-combinations/" + id), 200);
        assertThat(api.get(key, "/reservation-resource-combinations/" + id).status())
                .isEqualTo(404);
    }

    @Test
    void badCombinationsAreRefusedNamingTheProblemAndNothingIsStored() {
        Tenant other = api.newTenant();
        String foreignTable = new CatalogFixtures(api, other.adminKey()).resource("Their table", "table", 4);
        String room = catalog.resource("Private room", "room", 12);

        Response foreign = combine("name", "x", "resource_ids", List.of(fourA, foreignTable), "max_party_size", 8);
        Response twice = combine("name", "x", "resource_ids", List.of(fourA, fourA), "max_party_size", 8);
        Response notATable = combine("name", "x", "resource_ids", List.of(fourA, room), "max_party_size", 8);
        Response sizes =
                combine("name", "x", "resource_ids", List.of(fourA, fourB), "min_party_size", 9, "max_party_size", 7);
        Response tooManySeats = combine("name", "x", "resource_ids", List.of(fourA, fourB), "max_party_size", 9);
        Response oneTable = combine("name", "x", "resource_ids", List.of(fourA), "max_party_size", 4);
        Response nothing = combine("name", " ");

        for (Response refused : List.of(foreign, twice, notATable, sizes, tooManySeats, oneTable, nothing)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("validation_failed");
        }
        assertThat(foreign.errorFields()).containsExactly("resource_ids[1]");
        assertThat(foreign.body().get("detail").asString()).contains("no resource " + foreignTable);
        assertThat(twice.errorFields()).containsExactly("resource_ids[1]");
        assertThat(twice.body().get("detail").asString()).contains("a second time");
        assertThat(notATable.errorFields()).containsExactly("resource_ids[1]");
        assertThat(notATable.body().get("detail").asString()).contains("'Private room'", "'room'");
        assertThat(sizes.errorFields()).containsExactly("min_party_size");
        assertThat(tooManySeats.errorFields()).containsExactly("max_party_size");
        assertThat(tooManySeats.body().get("detail").asString()).contains("at most 8");
        assertThat(oneTable.errorFields()).containsExactly("resource_ids");
        assertThat(nothing.errorFields()).containsExactlyInAnyOrder("name", "max_party_size", "resource_ids");
        assertThat(api.get(key, "/reservation-resource-combinations")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void aCombinedTableCannotBeDeletedNorStopBeingATable() {
        String id = combine("name", "4a + 4b", "resource_ids", List.of(fourA, fourB), "max_party_size", 8)
                .get("id");

        Response deleted = api.delete(key, "/reservation-resources/" + fourB);
        Response retyped = api.patch(key, "/reservation-resources/" + fourB, fields("resource_type", "room"));

        for (Response refused : List.of(deleted, retyped)) {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("conflict");
            assertThat(refused.body().get("detail").asString()).contains("'Table 4b'", "'4a + 4b'", id);
        }
        assertThat(api.get(key, "/reservation-resources/" + fourB).get("resource_type"))
                .isEqualTo("table");
        TestApi.expect(api.delete(key, "/reservation-resource-combinations/" + id), 200);
        TestApi.expect(api.delete(key, "/reservation-resources/" + fourB), 200);
    }

    @Test
    void aPartyOfEightIsOfferedAndBooksBothTablesWhichThenHoldEveryoneElseOff() {
        Response before =
                api.get(key, "/reservation-available-slots?service_id=" + service + "&date=2027-04-05&party_size=8");
        assertThat(before.body().get("reason").asString()).isEqualTo("party_too_large");
        combine("name", "4a + 4b", "resource_ids", List.of(fourA, fourB), "min_party_size", 5, "max_party_size", 8);

        JsonNode slots = api.get(
                        key, "/reservation-available-slots?service_id=" + service + "&date=2027-04-05&party_size=8")
                .body()
                .get("slots");
        assertThat(slots.size()).isPositive();
        assertThat(slots.get(0).get("resources").size()).isEqualTo(2);

        Response eight = book(8, null);
        TestApi.expect(eight, 201);
        assertThat(tables(eight)).containsExactly("Table 4a", "Table 4b");
        JsonNode assigned = api.get(key, "/events?type=reservation.resources_assigned")
                .body()
                .get("data")
                .get(0)
                .get("data");
        assertThat(assigned.get("id").asString()).isEqualTo(eight.get("id"));
        List<String> pushed = new ArrayList<>();
        assigned.get("assigned_resources").forEach(r -> pushed.add(r.get("name").asString()));
        assertThat(pushed).as("the tables the POS hears about").containsExactly("Table 4a", "Table 4b");
        Response four = book(4, fourB);
        assertThat(four.status()).isEqualTo(409);
        assertThat(four.code()).isEqualTo("slot_unavailable");
        assertThat(AllocationAudit.overlappingAllocations(jdbc)).isZero();
    }

    @Test
    void staffAssignACombinationByHandAndTheConstraintStillGuardsItsTables() {
        Response four = book(4, fourB);
        TestApi.expect(four, 201);

        Response onTaken = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        8,
                        "start_datetime",
                        START,
                        "override",
                        true,
                        "assigned_resources",
                        List.of(fourA, fourB)));
        assertThat(onTaken.status()).isEqualTo(409);

        TestApi.expect(api.patch(key, "/reservations/" + four.get("id"), fields("status", "cancelled")), 200);
        Response byHand = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        8,
                        "start_datetime",
                        START,
                        "override",
                        true,
                        "assigned_resources",
                        List.of(fourA, fourB)));
        TestApi.expect(byHand, 201);
        assertThat(tables(byHand)).containsExactly("Table 4a", "Table 4b");
        assertThat(byHand.body().get("is_override").asBoolean()).isTrue();
    }
}

package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.AllocationAudit;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.SecondNode;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one database, the floor's guarantees under races split over both: creates that together exceed
 * a service's pacing fill exactly the limit, because the count is taken under a database lock, not a node's
 * memory (the rest are refused {@code 409 pacing_limit}, and SQL afterwards finds no more than the limit booked);
 * an area's limit holds the same way, parties beyond it seated inside; and a combination raced against its own
 * tables is never double-booked (the exclusion constraint holds each table of a combination).
 */
@IntegrationTest
class FloorTwoNodesIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2027, 5, 10);
    static final int CLIENTS = 64;

    static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi nodeA;
    TestApi nodeB;
    Tenant tenant;
    String key;
    CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        if (secondNode == null) {
            secondNode = SecondNode.start();
        }
        nodeA = new TestApi(port);
        nodeB = new TestApi(SecondNode.port(secondNode));
        tenant = nodeA.newTenant();
        key = tenant.adminKey();
        catalog = new CatalogFixtures(nodeA, key);
    }

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
            secondNode = null;
        }
    }

    /** A dining room with room for a hundred parties: only the pacing can refuse. */
    private String pacedService(Map<String, Object> pacing) {
        String service = catalog.service(fields(
                "name", "Dinner", "duration_minutes", 90, "slot_interval", 5, "max_party_size", 4, "pacing", pacing));
        String room = catalog.resource(fields("name", "Dining room", "resource_type", "room", "units", 100));
        catalog.link(service, room, "required");
        catalog.everyDay(room, "12:00", "23:00");
        return service;
    }

    private static String at(int hour, int minute) {
        return DAY.atTime(LocalTime.of(hour, minute)).atZone(BERLIN).toInstant().toString();
    }

    @Test
    void coversOfOneIntervalBookedOnBothNodesAtOnceFillExactlyTheLimit() throws Exception {
        // 10 covers per quarter hour; 64 parties of 2 ask for 19:00 and 19:05 (one interval), half on each node.
        String service = pacedService(fields("interval_minutes", 15, "max_covers", 10));

        List<Response> responses = race(service, List.of(at(19, 0), at(19, 5)));

        assertExactly(responses, 5);
        assertThat(confirmed("sum(party_size)")).as("covers booked").isEqualTo(10L);
    }

    @Test
    void guestsSeatedAtOnceBookedOnBothNodesAtOnceFillExactlyTheLimit() throws Exception {
        // At most 6 guests seated at once; 90-minute stays starting 19:00 and 20:00 all overlap at 20:00.
        String service = pacedService(fields("max_seated_covers", 6));

        List<Response> responses = race(service, List.of(at(19, 0), at(20, 0)));

        assertExactly(responses, 3);
        assertThat(confirmed("sum(party_size)")).as("covers seated").isEqualTo(6L);
    }

    @Test
    void theTerracesLastCoversBookedOnBothNodesAtOnceFillExactlyItsLimitAndTheRestSitInside() throws Exception {
        // The terrace takes 8 covers per quarter hour; the dining room is not paced. 64 parties of 2 asking for the
        // terrace at 19:00 and 19:05, half on each node, each naming a terrace table of its own (so no two meet on a
        // table and only the area's count can hold them back): four sit outside, the rest inside, and are told.
        Response created = nodeA.post(key, "/reservation-areas", fields("name", "Terrace"));
        TestApi.expect(created, 201);
        String terrace = created.get("id");
        String service = catalog.service(fields(
                "name",
                "Dinner",
                "duration_minutes",
                90,
                "slot_interval",
                5,
                "max_party_size",
                4,
                "area_pacing",
                List.of(fields("area_id", terrace, "interval_minutes", 15, "max_covers", 8))));
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String table = catalog.resource(
                    fields("name", "Terrace " + (i + 1), "resource_type", "table", "capacity", 2, "area_id", terrace));
            catalog.everyDay(table, "12:00", "23:00");
            outside.add(table);
        }
        String inside = catalog.resource(
                fields("name", "Inside tables", "resource_type", "table", "capacity", 4, "units", 100));
        catalog.everyDay(inside, "12:00", "23:00");
        catalog.link(service, inside, "any_available");

        List<Response> responses = race(
                service,
                List.of(at(19, 0), at(19, 5)),
                CLIENTS,
                i -> List.of("seating_preference", terrace, "preferred_resource_id", outside.get(i)));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(201));
        assertThat(responses.stream()
                        .filter(r -> r.body().get("seating_preference_met").asBoolean()))
                .as("seated on the terrace, as asked")
                .hasSize(4);
        assertThat(jdbc.sql("select coalesce(sum(r.party_size), 0) from reservations r where r.organization_id = :org"
                                + " and r.status = 'confirmed' and exists (select 1 from reservation_allocations a"
                                + " join reservation_resources t on t.id = a.resource_id"
                                + " where a.organization_id = r.organization_id and a.reservation_id = r.id"
                                + " and t.area_id = :terrace)")
                        .param("org", tenant.id())
                        .param("terrace", java.util.UUID.fromString(terrace))
                        .query(Long.class)
                        .single())
                .as("covers on the terrace, counted by SQL")
                .isEqualTo(8L);
    }

    @Test
    void theLastCombinationRacedOnBothNodesAgainstItsOwnTablesIsNeverDoubleBooked() throws Exception {
        String service = catalog.service(fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 30));
        String fourA = catalog.resource("Table 4a", "table", 4);
        String fourB = catalog.resource("Table 4b", "table", 4);
        catalog.link(service, fourA, "any_available");
        catalog.everyDay(fourA, "18:00", "23:00");
        catalog.everyDay(fourB, "18:00", "23:00");
        TestApi.expect(
                nodeA.post(
                        key,
                        "/reservation-resource-combinations",
                        fields(
                                "name",
                                "4a + 4b",
                                "resource_ids",
                                List.of(fourA, fourB),
                                "min_party_size",
                                5,
                                "max_party_size",
                                8)),
                201);

        // 64 parties of eight want the combination; at the same moment eight parties of four name one of its tables
        // each (a later key in a body wins: these send their own party size).
        List<Response> all = race(
                service,
                List.of(at(19, 0)),
                CLIENTS + 8,
                i -> i < CLIENTS
                        ? List.of("party_size", 8)
                        : List.of("party_size", 4, "preferred_resource_id", i % 2 == 0 ? fourA : fourB));
        long eightsBooked =
                all.subList(0, CLIENTS).stream().filter(r -> r.status() == 201).count();
        long foursBooked = all.subList(CLIENTS, CLIENTS + 8).stream()
                .filter(r -> r.status() == 201)
                .count();
        assertThat(all).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(201, 409));
        // Either the combination won (and no table was left), or tables went one by one (and the combination lost).
        assertThat(eightsBooked + foursBooked).isPositive();
        if (eightsBooked > 0) {
            assertThat(eightsBooked).isEqualTo(1);
            assertThat(foursBooked).isZero();
        } else {
            assertThat(foursBooked).isBetween(1L, 2L);
        }
        assertThat(AllocationAudit.overlappingAllocations(jdbc)).isZero();
        assertThat(jdbc.sql("select count(*) from reservation_allocations where organization_id = :org")
                        .param("org", tenant.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(eightsBooked * 2 + foursBooked);
    }

    private static void assertExactly(List<Response> responses, int booked) {
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(booked);
        assertThat(responses.stream().filter(r -> r.status() != 201))
                .hasSize(CLIENTS - booked)
                .allSatisfy(r -> {
                    assertThat(r.status()).as(r.text()).isEqualTo(409);
                    assertThat(r.code()).isEqualTo("pacing_limit");
                });
    }

    private long confirmed(String aggregate) {
        return jdbc.sql("select coalesce(" + aggregate + ", 0) from reservations"
                        + " where organization_id = :org and status = 'confirmed'")
                .param("org", tenant.id())
                .query(Long.class)
                .single();
    }

    /** {@link #CLIENTS} parties of 2 at once, alternating over the two nodes and over the given starts. */
    private List<Response> race(String service, List<String> starts) throws Exception {
        return race(service, starts, CLIENTS, i -> List.of());
    }

    /** The same with so many clients, client i sending the extra fields given for it. */
    private List<Response> race(String service, List<String> starts, int clients, IntFunction<List<Object>> extra)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            TestApi node = i % 2 == 0 ? nodeA : nodeB;
            int client = i;
            String start = starts.get((i / 2) % starts.size());
            futures.add(pool.submit(() -> {
                go.await();
                List<Object> body =
                        new ArrayList<>(List.of("service_id", service, "party_size", 2, "start_datetime", start));
                body.addAll(extra.apply(client));
                return node.post(key, "/reservations", fields(body.toArray()));
            }));
        }
        go.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();
        return responses;
    }
}

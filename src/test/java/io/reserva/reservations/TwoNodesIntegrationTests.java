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
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one database, each with its own caches, under a random mix of creates, holds, confirms,
 * reschedules and cancels from many clients. Afterwards SQL audits what the API promised.
 */
@IntegrationTest
class TwoNodesIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2027, 6, 7);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aRandomMixOnTwoNodesNeverDoubleBooksAndLosesNothing() throws Exception {
        secondNode = SecondNode.start();
        int secondPort = SecondNode.port(secondNode);
        TestApi nodeA = new TestApi(port);
        TestApi nodeB = new TestApi(secondPort);

        Tenant tenant = nodeA.newTenant();
        String key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(nodeA, key);
        String dinner = catalog.service(fields(
                "name",
                "Dinner",
                "duration_minutes",
                60,
                "slot_interval",
                30,
                "buffer_after_minutes",
                15,
                "max_party_size",
                4));
        List<String> tables = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String table = catalog.resource("Table " + i, "table", 4);
            tables.add(table);
            catalog.everyDay(table, "17:00", "23:00");
        }
        catalog.link(dinner, tables.get(0), "any_available");
        String tour = catalog.service(
                fields("name", "Tour", "duration_minutes", 60, "slot_interval", 60, "slot_capacity", 3));
        String guide = catalog.resource(fields("name", "Guides", "resource_type", "person", "units", 50));
        catalog.everyDay(guide, "17:00", "23:00");
        catalog.link(tour, guide, "required");

        Set<String> created = ConcurrentHashMap.newKeySet();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        int clients = 12;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Random random = new Random(1000 + c);
            TestApi api = c % 2 == 0 ? nodeA : nodeB;
            work.add(pool.submit(() -> {
                List<String> mine = new ArrayList<>();
                for (int op = 0; op < 40; op++) {
                    int choice = random.nextInt(10);
                    Response response;
                    if (choice < 5 || mine.isEmpty()) {
                        String service = random.nextBoolean() ? dinner : tour;
                        Map<String, Object> body = fields(
                                "service_id",
                                service,
                                "party_size",
                                1 + random.nextInt(4),
                                "start_datetime",
                                start(random, service.equals(tour)));
                        if (random.nextInt(3) == 0) {
                            body.put("status", "held");
                        }
                        response = api.post(key, "/reservations", body);
                        if (response.status() == 201) {
                            created.add(response.get("id"));
                            mine.add(response.get("id"));
                        }
                    } else {
                        String id = mine.get(random.nextInt(mine.size()));
                        Map<String, Object> change = switch (choice) {
                            case 5, 6 -> fields("status", "confirmed");
                            case 7 -> fields("start_datetime", start(random, false));
                            case 8 -> fields("status", "cancelled");
                            default -> fields("status", "expired");
                        };
                        response = api.patch(key, "/reservations/" + id, change);
                    }
                    if (response.status() >= 500 || response.status() == 400 || response.status() == 401) {
                        unexpected.add(response.status() + " " + response.text());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();

        assertThat(unexpected).as("only 2xx, 409 and 422 answers").isEmpty();
        assertThat(created).isNotEmpty();
        assertThat(AllocationAudit.overlappingAllocations(jdbc))
                .as("overlapping allocations")
                .isZero();
        assertThat(stored(created)).as("every 201 is stored").isEqualTo(created.size());
        assertThat(maxPartiesPerTourStart(tenant.id(), tour))
                .as("slot capacity")
                .isLessThanOrEqualTo(3);
        assertThat(dinnersWithoutExactlyOneTable(tenant.id(), dinner)).isZero();
    }

    private static String start(Random random, boolean onTheHour) {
        int minutes = onTheHour ? 60 * random.nextInt(6) : 30 * random.nextInt(12);
        return DAY.atTime(LocalTime.of(17, 0).plusMinutes(minutes))
                .atZone(BERLIN)
                .toInstant()
                .toString();
    }

    private long stored(Set<String> ids) {
        return jdbc.sql("select count(*) from reservations where id in (:ids)")
                .param("ids", ids.stream().map(UUID::fromString).toList())
                .query(Long.class)
                .single();
    }

    private long maxPartiesPerTourStart(UUID organization, String tour) {
        return jdbc.sql("""
                        select coalesce(max(n), 0) from (
                          select count(*) as n from reservations
                           where organization_id = :org and service_id = :service
                             and status in ('held', 'pending', 'confirmed', 'seated')
                           group by start_datetime) counts
                        """)
                .param("org", organization)
                .param("service", UUID.fromString(tour))
                .query(Long.class)
                .single();
    }

    private long dinnersWithoutExactlyOneTable(UUID organization, String dinner) {
        return jdbc.sql("""
                        select count(*) from reservations r
                         where r.organization_id = :org and r.service_id = :service
                           and r.status in ('held', 'pending', 'confirmed', 'seated')
                           and (select count(*) from reservation_allocations a where a.reservation_id = r.id) <> 1
                        """)
                .param("org", organization)
                .param("service", UUID.fromString(dinner))
                .query(Long.class)
                .single();
    }
}

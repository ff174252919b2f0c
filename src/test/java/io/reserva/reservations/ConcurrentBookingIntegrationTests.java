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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many clients racing for the last place: exactly one wins, every other one hears 409, nothing overlaps. */
@IntegrationTest
class ConcurrentBookingIntegrationTests {

    static final String START = LocalDate.of(2027, 4, 5)
            .atTime(LocalTime.of(19, 0))
            .atZone(ZoneId.of("Europe/Berlin"))
            .toInstant()
            .toString();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sixtyFourClientsForTheLastFreeUnit() throws Exception {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        String service = catalog.service(fields("name", "Court", "duration_minutes", 60));
        String court = catalog.resource(fields("name", "Court", "resource_type", "room", "units", 3));
        catalog.link(service, court, "required");
        catalog.everyDay(court, "08:00", "22:00");
        for (int i = 0; i < 2; i++) {
            TestApi.expect(
                    api.post(
                            tenant.adminKey(),
                            "/reservations",
                            fields("service_id", service, "party_size", 1, "start_datetime", START)),
                    201);
        }

        List<Response> responses = race(api, tenant.adminKey(), service, 64);

        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .hasSize(63)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("slot_unavailable"));
        assertThat(api.get(tenant.adminKey(), "/reservations?status=confirmed")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(3);
        assertThat(AllocationAudit.overlappingAllocations(jdbc)).isZero();
    }

    @Test
    void clientsFewerThanTheFreeUnitsAllGetOne() throws Exception {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        String service = catalog.service(fields("name", "Class", "duration_minutes", 60));
        String hall = catalog.resource(fields("name", "Hall", "resource_type", "room", "units", 50));
        catalog.link(service, hall, "required");
        catalog.everyDay(hall, "08:00", "22:00");

        // Every client plans the same first free unit at once; losing that unit to another client is no reason
        // to refuse while 40 and more units are free.
        List<Response> responses = race(api, tenant.adminKey(), service, 16);

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(201));
        assertThat(jdbc.sql("select count(distinct unit_index) from reservation_allocations where resource_id = ?")
                        .param(java.util.UUID.fromString(hall))
                        .query(Integer.class)
                        .single())
                .isEqualTo(16);
        assertThat(AllocationAudit.overlappingAllocations(jdbc)).isZero();
    }

    @Test
    void slotCapacityHoldsUnderARaceToo() throws Exception {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        String service = catalog.service(fields("name", "Tour", "duration_minutes", 60, "slot_capacity", 5));
        String guide = catalog.resource(fields("name", "Guide", "resource_type", "person", "units", 100));
        catalog.link(service, guide, "required");
        catalog.everyDay(guide, "08:00", "22:00");

        List<Response> responses = race(api, tenant.adminKey(), service, 32);

        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(5);
        assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(27);
    }

    private List<Response> race(TestApi api, String key, String service, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return api.post(
                        key, "/reservations", fields("service_id", service, "party_size", 1, "start_datetime", START));
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();
        return responses;
    }
}

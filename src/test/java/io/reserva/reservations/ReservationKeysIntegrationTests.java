package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reservation reaches its organization through its service (V20): deleting the service is still refused while
 * it is booked, and deleting the organization still takes its reservations, allocations and slot locks along.
 */
@IntegrationTest
class ReservationKeysIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Tenant tenant;
    String key;
    String service;
    String reservation;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        service = catalog.service(
                fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 30, "slot_capacity", 2));
        String table = catalog.resource("Table 1", "table", 4);
        catalog.link(service, table, "any_available");
        catalog.everyDay(table, "18:00", "23:00");
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        ReservationLifecycleIntegrationTests.at("19:00")));
        TestApi.expect(booked, 201);
        reservation = booked.get("id");
    }

    @Test
    void aBookedServiceCannotBeDeleted() {
        Response refused = api.delete(key, "/reservation-services/" + service);

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(count("reservations")).isEqualTo(1);
    }

    @Test
    void deletingTheOrganizationDeletesItsReservationsAllocationsSlotLocksAndEvents() {
        assertThat(count("reservations")).isEqualTo(1);
        assertThat(count("reservation_allocations")).isEqualTo(1);
        assertThat(count("reservation_slot_locks")).isEqualTo(1);
        assertThat(count("events")).isPositive();
        assertThat(count("event_data")).isPositive();

        jdbc.sql("delete from organizations where id = :org")
                .param("org", tenant.id())
                .update();

        assertThat(count("reservations")).isZero();
        assertThat(count("reservation_allocations")).isZero();
        assertThat(count("reservation_slot_locks")).isZero();
        assertThat(count("events")).isZero();
        assertThat(count("event_data")).isZero();
        assertThat(jdbc.sql("select count(*) from reservations where id = :id")
                        .param("id", UUID.fromString(reservation))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where organization_id = :org")
                .param("org", tenant.id())
                .query(Long.class)
                .single();
    }
}

package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The inline guest is matched or created in the booking's own transaction: a refused booking leaves no one. */
@IntegrationTest
class OneTransactionPerBookingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Tenant tenant;
    String key;
    String service;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        service = catalog.service(
                fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 30, "max_party_size", 4));
        String table = catalog.resource("Table 1", "table", 4);
        catalog.link(service, table, "any_available");
        catalog.everyDay(table, "18:00", "23:00");
    }

    @Test
    void aBookingRefusedForATakenSlotLeavesNoContactAndNoEvent() {
        Response first = book("Ana", "ana@example.com", 2);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long contacts = contacts();
        List<String> events = eventTypes();
        assertThat(contacts)
                .as("the booking that went through created its guest")
                .isEqualTo(1);
        assertThat(events).contains("contact.created", "reservation.created");

        Response refused = book("Bea", "bea@example.com", 2);

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("slot_unavailable");
        assertThat(contacts()).isEqualTo(contacts);
        assertThat(eventTypes()).isEqualTo(events);
    }

    @Test
    void aBookingRefusedAsInvalidLeavesNoContactAndNoEvent() {
        Response refused = book("Bea", "bea@example.com", 6);

        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.text()).contains("is larger than this service takes (at most 4)");
        assertThat(contacts()).isZero();
        assertThat(eventTypes()).isEmpty();
    }

    private Response book(String firstName, String email, int partySize) {
        return api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        partySize,
                        "start_datetime",
                        ReservationLifecycleIntegrationTests.at("19:00"),
                        "contact",
                        fields("first_name", firstName, "email", email)));
    }

    private long contacts() {
        return jdbc.sql("select count(*) from contacts where organization_id = :org")
                .param("org", tenant.id())
                .query(Long.class)
                .single();
    }

    private List<String> eventTypes() {
        return jdbc.sql("select type from events where organization_id = :org order by created_at, id")
                .param("org", tenant.id())
                .query(String.class)
                .list();
    }
}

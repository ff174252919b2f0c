package io.reserva.webhooks;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.contacts.Contact;
import io.reserva.contacts.ContactCreated;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Events are written in the transaction of the change, on every path that changes something, or not at all. */
@IntegrationTest
class EventOutboxIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2027, 10, 4);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Tenant tenant;
    String key;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
    }

    @Test
    void aPublishOutsideATransactionFailsLoudly() {
        assertThatThrownBy(() -> publisher.publishEvent(new ContactCreated(contact(tenant.id()))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(eventTypes()).isEmpty();
    }

    @Test
    void eventsCommitWithTheirTransactionAndVanishWithItsRollback() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            publisher.publishEvent(new ContactCreated(contact(tenant.id())));
            status.setRollbackOnly();
        });
        assertThat(eventTypes()).isEmpty();

        transaction.executeWithoutResult(status -> {
            publisher.publishEvent(new ContactCreated(contact(tenant.id())));
            publisher.publishEvent(new ContactCreated(contact(tenant.id())));
        });
        assertThat(eventTypes()).containsExactly("contact.created", "contact.created");
    }

    @Test
    void aFailedRequestLeavesNoEvent() {
        Response taken = api.post(key, "/contacts", fields("first_name", "Ana", "email", "ana@example.com"));
        TestApi.expect(taken, 201);
        Response duplicate = api.post(key, "/contacts", fields("first_name", "Ana", "email", "ana@example.com"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(eventTypes()).containsExactly("contact.created");
    }

    @Test
    void aHoldIsCreatedAndHeldAndWhenItLapsesTheSweeperAnnouncesIt() throws Exception {
        String service = salon();
        Response held = hold(service);
        assertThat(eventTypes())
                .containsExactlyInAnyOrder("reservation.created", "reservation.held", "reservation.resources_assigned");

        lapse(held.get("id"));
        // The sweeper runs every 10 s on its own schedule, in a transaction of its own.
        Awaitility.await("the sweeper's hold_expired event")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> eventTypes().contains("reservation.hold_expired"));
        Response expired = api.get(key, "/events?type=reservation.hold_expired");
        assertThat(expired.body().get("data").get(0).get("data").get("id").asString())
                .isEqualTo(held.get("id"));
        assertThat(expired.body().get("data").get(0).get("data").get("status").asString())
                .isEqualTo("expired");
        Response update = api.get(key, "/events?type=reservation.updated");
        assertThat(update.body().get("data").get(0).get("changed_fields").toString())
                .isEqualTo("[\"hold_expires_at\",\"status\"]");
    }

    @Test
    void aBookingThatExpiresALapsedHoldOnItsWayAnnouncesTheExpiryToo() {
        String service = salon();
        Response held = hold(service);
        lapse(held.get("id"));
        Response booked = api.post(
                key, "/reservations", fields("service_id", service, "party_size", 1, "start_datetime", start()));
        TestApi.expect(booked, 201);
        List<String> types = eventTypes();
        assertThat(types).contains("reservation.hold_expired", "reservation.confirmed");
        Response expired = api.get(key, "/events?type=reservation.hold_expired");
        assertThat(expired.body().get("data").get(0).get("data").get("id").asString())
                .isEqualTo(held.get("id"));
    }

    @Test
    void statusChangesNameTheStatusEntered() {
        String service = salon();
        Response held = hold(service);
        String id = held.get("id");
        TestApi.expect(api.patch(key, "/reservations/" + id, fields("status", "confirmed")), 200);
        TestApi.expect(api.patch(key, "/reservations/" + id, fields("status", "no_show")), 200);
        Response second = api.post(
                key,
                "/reservations",
                fields("service_id", service, "party_size", 1, "start_datetime", start().replace("T08", "T09")));
        TestApi.expect(second, 201);
        TestApi.expect(api.patch(key, "/reservations/" + second.get("id"), fields("status", "cancelled")), 200);

        assertThat(eventTypes())
                .contains("reservation.confirmed", "reservation.no_show", "reservation.cancelled", "contact.updated")
                .doesNotContain("reservation.seated", "reservation.completed");
    }

    @Test
    void oldEventsArePurgedWithTheirDeliveries(@Autowired EventPurger purger) {
        TestApi.expect(api.post(key, "/contacts", fields("first_name", "Old", "email", "old@example.com")), 201);
        jdbc.sql("update events set created_at = created_at - interval '31 days' where organization_id = :org")
                .param("org", tenant.id())
                .update();
        assertThat(purger.purgeOlderThan(Instant.now().minus(Duration.ofDays(30))))
                .isGreaterThanOrEqualTo(1);
        assertThat(eventTypes()).isEmpty();
    }

    @Test
    void theEventsOfOneChangeStoreTheirObjectOnceAndEachShowsItWhole() {
        String service = salon();
        Response held = hold(service);

        Long stored = jdbc.sql("select count(distinct data_id) from events where organization_id = :org")
                .param("org", tenant.id())
                .query(Long.class)
                .single();
        assertThat(stored).isEqualTo(1);
        Response listed = api.get(key, "/events?type[$in]=reservation.created,reservation.held");
        assertThat(listed.body().get("data")).hasSize(2);
        for (var event : listed.body().get("data")) {
            assertThat(event.get("data").get("id").asString()).isEqualTo(held.get("id"));
            assertThat(event.get("data").get("status").asString()).isEqualTo("held");
            Response one = api.get(key, "/events/" + event.get("id").asString());
            assertThat(one.body().get("data")).isEqualTo(event.get("data"));
        }
    }

    @Test
    void thePurgeTakesTheStoredObjectsWithTheEvents(@Autowired EventPurger purger) {
        TestApi.expect(api.post(key, "/contacts", fields("first_name", "Old", "email", "old@example.com")), 201);
        jdbc.sql("update events set created_at = created_at - interval '31 days' where organization_id = :org")
                .param("org", tenant.id())
                .update();
        jdbc.sql("update event_data set created_at = created_at - interval '31 days' where organization_id = :org")
                .param("org", tenant.id())
                .update();

        purger.purgeOlderThan(Instant.now().minus(Duration.ofDays(30)));

        assertThat(eventTypes()).isEmpty();
        assertThat(jdbc.sql("select count(*) from event_data where organization_id = :org")
                        .param("org", tenant.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private List<String> eventTypes() {
        return jdbc.sql("select type from events where organization_id = :org order by created_at, id")
                .param("org", tenant.id())
                .query(String.class)
                .list();
    }

    private void lapse(String reservationId) {
        jdbc.sql("update reservations set hold_expires_at = now() - interval '1 second' where id = :id")
                .param("id", UUID.fromString(reservationId))
                .update();
    }

    private Response hold(String service) {
        Response held = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        1,
                        "start_datetime",
                        start(),
                        "status",
                        "held",
                        "contact",
                        fields("first_name", "Ola", "email", "ola-" + UUID.randomUUID() + "@example.com")));
        TestApi.expect(held, 201);
        jdbc.sql("delete from events where organization_id = :org and type like 'contact.%'")
                .param("org", tenant.id())
                .update();
        return held;
    }

    private String salon() {
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String service = catalog.service(fields("name", "Massage", "duration_minutes", 60));
        String room = catalog.resource("Room", "room", null);
        catalog.link(service, room, "required");
        catalog.everyDay(room, "10:00", "12:00");
        return service;
    }

    private static String start() {
        return DAY.atTime(LocalTime.of(10, 0))
                .atZone(ZoneId.of("Europe/Berlin"))
                .toInstant()
                .toString();
    }

    private static Contact contact(UUID organizationId) {
        Instant now = Instant.now();
        return new Contact(
                UUID.randomUUID(),
                organizationId,
                "Test",
                null,
                null,
                null,
                null,
                List.of(),
                false,
                null,
                Map.of(),
                0,
                0,
                0,
                null,
                now,
                now);
    }
}

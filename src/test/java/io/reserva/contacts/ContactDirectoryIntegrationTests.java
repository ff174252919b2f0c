package io.reserva.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The facade the reservations module uses: matching a booking's guest, and counting visit outcomes. */
@IntegrationTest
@Import(ContactDirectoryIntegrationTests.RecordedEvents.class)
class ContactDirectoryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ContactDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RecordedEvents events;

    TestApi api;
    Tenant tenant;
    UUID org;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        org = tenant.id();
    }

    @Test
    void aNewGuestBecomesANewContact() {
        Contact contact =
                directory.matchOrCreate(org, new ContactDetails(" Ana ", "García", "Ana@Example.com", "030 1234567"));
        assertThat(contact.firstName()).isEqualTo("Ana");
        assertThat(contact.email()).isEqualTo("ana@example.com");
        assertThat(contact.phone()).isEqualTo("+49301234567");
        assertThat(directory.find(org, contact.id())).contains(contact);
        assertThat(events.created(contact.id())).isEqualTo(1);
    }

    @Test
    void aGuestIsMatchedByEmailRegardlessOfCase() {
        Contact ana = directory.matchOrCreate(org, new ContactDetails("Ana", null, "ana@example.com", null));
        Contact again = directory.matchOrCreate(org, new ContactDetails("Anita", "García", "ANA@example.COM", null));
        assertThat(again.id()).isEqualTo(ana.id());
        assertThat(again.firstName()).as("never overwritten").isEqualTo("Ana");
        assertThat(again.lastName()).as("filled in").isEqualTo("García");
        assertThat(events.updated(ana.id())).containsExactly(Set.of("last_name"));
    }

    @Test
    void aGuestIsMatchedByPhoneInAnyFormatWhenTheEmailIsUnknown() {
        Contact bruno = directory.matchOrCreate(org, new ContactDetails("Bruno", null, null, "+49 30 1234567"));
        Contact again =
                directory.matchOrCreate(org, new ContactDetails("Bruno", "Díaz", "bruno@example.com", "030/123 45 67"));
        assertThat(again.id()).isEqualTo(bruno.id());
        assertThat(again.email()).as("filled in").isEqualTo("bruno@example.com");
        assertThat(again.lastName()).isEqualTo("Díaz");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void theEmailWinsOverThePhoneAndAPhoneOfSomeoneElseIsNotTaken() {
        Contact ana = directory.matchOrCreate(org, new ContactDetails("Ana", null, "ana@example.com", null));
        Contact bruno = directory.matchOrCreate(org, new ContactDetails("Bruno", null, null, "030 1234567"));
        Contact matched =
                directory.matchOrCreate(org, new ContactDetails("Ana", null, "ana@example.com", "030 1234567"));
        assertThat(matched.id()).isEqualTo(ana.id());
        assertThat(matched.phone()).as("Bruno's phone stays Bruno's").isNull();
        assertThat(directory.find(org, bruno.id()).orElseThrow().phone()).isEqualTo("+49301234567");
    }

    @Test
    void anInlineContactNeedsANameAndAWayToReachThem() {
        assertThat(errors(new ContactDetails(null, " ", null, null)))
                .extracting(FieldError::field)
                .containsExactly("contact.first_name", "contact.email");
        assertThat(errors(new ContactDetails("Ana", null, "nope", "12")))
                .extracting(FieldError::field)
                .containsExactly("contact.email", "contact.phone");
        assertThat(errors(new ContactDetails("x".repeat(101), null, "a@example.com", null)))
                .extracting(FieldError::field)
                .containsExactly("contact.first_name");
        Contact lastNameOnly = directory.matchOrCreate(org, new ContactDetails(null, "García", null, "030 1234567"));
        assertThat(lastNameOnly.lastName()).isEqualTo("García");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void sixteenBookingsForTheSameNewGuestAtOnceMakeOneContact() throws Exception {
        // Several rounds, each a new guest: one round may happen not to overlap, five in a row will.
        for (int round = 0; round < 5; round++) {
            String email = "guest" + round + "@example.com";
            String national = "030 123456" + round;
            String international = "+4930123456" + round;
            UUID id = race(i -> transactions.execute(status -> directory
                    .matchOrCreate(
                            org, new ContactDetails("Ana", "García", email, i % 2 == 0 ? national : international))
                    .id()));
            assertThat(events.created(id)).isEqualTo(1);
        }
        assertThat(count()).isEqualTo(5);
    }

    @Test
    void concurrentGuestsKnownOnlyByPhoneAlsoEndAsOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            String phone = "0151 2345678" + round;
            race(i -> directory
                    .matchOrCreate(org, new ContactDetails("Bruno", null, null, phone))
                    .id());
        }
        assertThat(count()).isEqualTo(5);
    }

    /** Sixteen threads released at once; all must get the same contact. */
    private UUID race(java.util.function.IntFunction<UUID> booking) throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UUID>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            results.add(pool.submit(() -> {
                ready.countDown();
                start.await();
                return booking.apply(index);
            }));
        }
        ready.await();
        start.countDown();
        Set<UUID> ids = new HashSet<>();
        try {
            for (Future<UUID> result : results) {
                ids.add(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ids).hasSize(1);
        return ids.iterator().next();
    }

    @Test
    void outcomesAreCounted() {
        Contact ana = directory.matchOrCreate(org, new ContactDetails("Ana", null, "ana@example.com", null));
        Instant march = Instant.parse("2027-03-28T18:30:00Z");
        Instant february = Instant.parse("2027-02-14T19:00:00Z");
        directory.recordOutcome(org, ana.id(), VisitOutcome.COMPLETED, march);
        directory.recordOutcome(org, ana.id(), VisitOutcome.COMPLETED, february);
        directory.recordOutcome(org, ana.id(), VisitOutcome.NO_SHOW, february);
        transactions.executeWithoutResult(status -> {
            directory.recordOutcome(org, ana.id(), VisitOutcome.CANCELLED, march);
            directory.recordOutcome(org, ana.id(), VisitOutcome.CANCELLED, march);
        });
        Contact after = directory.find(org, ana.id()).orElseThrow();
        assertThat(after.visitCount()).isEqualTo(2);
        assertThat(after.lastVisitAt()).as("the later visit stays the last").isEqualTo(march);
        assertThat(after.noShowCount()).isEqualTo(1);
        assertThat(after.cancellationCount()).isEqualTo(2);
        assertThat(events.updated(ana.id()))
                .contains(Set.of("visit_count", "last_visit_at"), Set.of("visit_count"), Set.of("no_show_count"));

        TestApi.Response api = this.api.get(tenant.adminKey(), "/contacts/" + ana.id());
        assertThat(api.body().get("visit_count").asInt()).isEqualTo(2);
        assertThat(api.body().get("last_visit_at").asString()).isEqualTo("2027-03-28T18:30:00Z");
        assertThat(this.api
                        .get(tenant.adminKey(), "/contacts?visit_count[$gte]=2")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void outcomesRollBackWithTheCallersTransaction() {
        Contact ana = directory.matchOrCreate(org, new ContactDetails("Ana", null, "ana@example.com", null));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    directory.recordOutcome(
                            org, ana.id(), VisitOutcome.COMPLETED, Instant.parse("2027-03-28T18:30:00Z"));
                    throw new IllegalStateException("the reservation's own change failed");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(directory.find(org, ana.id()).orElseThrow().visitCount()).isZero();
    }

    @Test
    void anotherOrganizationsContactsAreInvisible() {
        Contact ana = directory.matchOrCreate(org, new ContactDetails("Ana", null, "ana@example.com", null));
        UUID other = api.newTenant().id();
        assertThat(directory.find(other, ana.id())).isEmpty();
        assertThatThrownBy(() -> directory.recordOutcome(other, ana.id(), VisitOutcome.NO_SHOW, Instant.now()))
                .isInstanceOf(ReservaException.class)
                .hasMessageContaining("not found");
        Contact theirs = directory.matchOrCreate(other, new ContactDetails("Ana", null, "ana@example.com", null));
        assertThat(theirs.id()).isNotEqualTo(ana.id());
        assertThat(directory.find(org, ana.id()).orElseThrow().noShowCount()).isZero();
    }

    private List<FieldError> errors(ContactDetails details) {
        try {
            directory.matchOrCreate(org, details);
        } catch (ReservaException e) {
            assertThat(e.code().code()).isEqualTo("validation_failed");
            return e.errors();
        }
        throw new AssertionError("expected a validation failure for " + details);
    }

    private long count() {
        return jdbc.sql("select count(*) from contacts where organization_id = :org")
                .param("org", org)
                .query(Long.class)
                .single();
    }

    /** Listens like the webhooks module will, to see what was published. */
    @TestConfiguration
    static class RecordedEvents {
        final List<ContactCreated> created = new CopyOnWriteArrayList<>();
        final List<ContactUpdated> updated = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ContactCreated event) {
            created.add(event);
        }

        @EventListener
        void on(ContactUpdated event) {
            updated.add(event);
        }

        long created(UUID id) {
            return created.stream().filter(e -> e.contact().id().equals(id)).count();
        }

        List<Set<String>> updated(UUID id) {
            return updated.stream()
                    .filter(e -> e.contact().id().equals(id))
                    .map(ContactUpdated::changedFields)
                    .toList();
        }
    }
}

package io.reserva.waitlist;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.reservations.ReservationManagement;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.ClockedIntegrationTest;
import io.reserva.support.MutableClock;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The waitlist over HTTP: joining, the queue and its quotes, seating into a reservation, refusals that write
 * nothing, and freed starts offered to one entry at a time.
 */
@ClockedIntegrationTest
class WaitlistIntegrationTests {

    /** Monday 2027-05-03, 10:00 in Berlin. Tuesdays are closed; Wednesday 2027-05-05 is a later day. */
    static final Instant START = Instant.parse("2027-05-03T08:00:00Z");

    static final String WEDNESDAY = "2027-05-05";
    /** Wednesday 19:00 in Berlin. */
    static final Instant WEDNESDAY_SEVEN = Instant.parse("2027-05-05T17:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    ReservationManagement reservations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WaitlistExpirySweeper sweeper;

    TestApi api;
    Tenant tenant;
    String key;
    String service;
    String table;

    @BeforeEach
    void setUp() {
        // Tests move the clock (offers lapse, days pass): each starts on the same Monday morning.
        clock.set(START);
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields("name", "Dinner", "duration_minutes", 60, "max_party_size", 6));
        table = catalog.resource("Table 1", "table", 4);
        catalog.link(service, table, "required");
        List<Map<String, Object>> week = new ArrayList<>();
        for (int day : new int[] {0, 1, 3, 4, 5, 6}) {
            week.add(CatalogFixtures.window(day, "10:00", "23:00"));
        }
        catalog.week(table, week);
    }

    @Test
    void aPartyAtTheDoorIsQueuedQuotedAndSeatedIntoALinkedReservation() {
        Response first = join(fields("kind", "now", "party_size", 2, "source", "walk_in"), "Ana", "+49 30 1000000");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.get("status")).isEqualTo("waiting");
        assertThat(first.body().get("position").asInt()).isEqualTo(1);
        Response second = join(fields("kind", "now", "party_size", 2, "source", "phone"), "Ben", "+49 30 1234567");
        assertThat(second.status()).as(second.text()).isEqualTo(201);
        assertThat(second.body().get("parties_ahead").asInt()).isEqualTo(1);

        Response seated = api.post(key, "/waitlist-entries/" + first.get("id") + "/seat", Map.of());
        assertThat(seated.status()).as(seated.text()).isEqualTo(200);
        assertThat(seated.get("status")).isEqualTo("seated");
        assertThat(seated.get("seated_at")).isNotNull();
        Response reservation = api.get(key, "/reservations/" + seated.get("reservation_id"));
        assertThat(reservation.get("source")).isEqualTo("waitlist");
        assertThat(reservation.get("status")).isEqualTo("seated");
        assertThat(reservation.get("contact_id")).isEqualTo(first.get("contact_id"));
        Response linked = api.get(key, "/waitlist-entries?reservation_id=" + seated.get("reservation_id"));
        assertThat(linked.body().get("data").get(0).get("id").asString()).isEqualTo(first.get("id"));

        // The only table is taken for the couple's 60 minutes: Ben, now first in line, waits for it.
        Response quoted = api.get(key, "/waitlist-entries/" + second.get("id"));
        assertThat(quoted.body().get("position").asInt()).isEqualTo(1);
        assertThat(quoted.body().get("parties_ahead").asInt()).isZero();
        Instant from = Instant.parse(quoted.get("estimated_seat_from"));
        Instant to = Instant.parse(quoted.get("estimated_seat_to"));
        Instant tableFree = Instant.parse(reservation.get("end_datetime"));
        assertThat(from).isBefore(tableFree);
        assertThat(to).isAfter(tableFree);

        Response noTable = api.post(key, "/waitlist-entries/" + second.get("id") + "/seat", Map.of());
        assertThat(noTable.status()).as("the only table is taken").isEqualTo(409);
        assertThat(noTable.code()).isEqualTo("slot_unavailable");
        assertThat(api.get(key, "/waitlist-entries/" + second.get("id")).get("status"))
                .isEqualTo("waiting");

        // Staff override the quote; null for both gives it back to the estimator.
        Instant mine = clock.instant().plus(Duration.ofMinutes(20));
        Response overridden = api.patch(
                key,
                "/waitlist-entries/" + second.get("id"),
                fields(
                        "estimated_seat_from",
                        mine.toString(),
                        "estimated_seat_to",
                        mine.plusSeconds(600).toString()));
        assertThat(overridden.status()).as(overridden.text()).isEqualTo(200);
        assertThat(Instant.parse(overridden.get("estimated_seat_from"))).isEqualTo(mine);
        assertThat(overridden.body().get("quote_overridden").asBoolean()).isTrue();
        Response oneEnd =
                api.patch(key, "/waitlist-entries/" + second.get("id"), fields("estimated_seat_from", mine.toString()));
        assertThat(oneEnd.status()).isEqualTo(422);

        List<String> types = eventTypes();
        assertThat(types).contains("waitlist_entry.created", "waitlist_entry.seated", "waitlist_entry.updated");
    }

    @Test
    void badJoinsAreRefusedWithTheirCodesAndWriteNothing() {
        long contactsBefore = count("contacts");
        Response noPhone = join(fields("kind", "now", "party_size", 2, "source", "phone"), "Cy", null);
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.code()).isEqualTo("validation_failed");
        assertThat(noPhone.text()).contains("contact.phone");

        Response tooMany = join(fields("kind", "now", "party_size", 7, "source", "walk_in"), "Cy", null);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.text()).contains("party_size");

        Response closed = join(laterOn("2027-05-04", 2), "Cy", "+49 30 7654321");
        assertThat(closed.status()).as(closed.text()).isEqualTo(422);
        assertThat(closed.code()).isEqualTo("day_closed");

        Response noWindow =
                join(fields("kind", "later", "service_id", service, "party_size", 2), "Cy", "+49 30 7654321");
        assertThat(noWindow.status()).isEqualTo(422);
        assertThat(noWindow.text()).contains("window_start", "date");
        assertThat(count("contacts"))
                .as("a refused join leaves no guest behind")
                .isEqualTo(contactsBefore);

        assertThat(join(laterOn(WEDNESDAY, 2), "Dee", "+49 30 1111111").status())
                .isEqualTo(201);
        Response twice = join(fields("kind", "now", "party_size", 2, "source", "phone"), "Dee", "030 1111111");
        assertThat(twice.status()).as(twice.text()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("already_on_waitlist");

        assertThat(join(laterOn(WEDNESDAY, 2), "Eve", "+49 30 2222222").status())
                .isEqualTo(201);
        assertThat(join(laterOn(WEDNESDAY, 2), "Fay", "+49 30 3333333").status())
                .isEqualTo(201);
        long contactsBeforeFull = count("contacts");
        Response full = join(laterOn(WEDNESDAY, 2), "Gus", "+49 30 4444444");
        assertThat(full.status()).as(full.text()).isEqualTo(409);
        assertThat(full.code()).isEqualTo("waitlist_full");
        assertThat(count("contacts")).isEqualTo(contactsBeforeFull);
        assertThat(api.get(key, "/waitlist-entries?date=" + WEDNESDAY)
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void oneCancellationMakesExactlyOneOfferAndTwoAcceptancesAtOnceBookItOnce() throws Exception {
        Response booked = book(WEDNESDAY_SEVEN);
        Response first = join(laterOn(WEDNESDAY, 2), "Hal", "+49 30 5555555");
        Response second = join(laterOn(WEDNESDAY, 2), "Ida", "+49 30 6666666");

        cancel(booked.get("id"));

        Response offered = entry(first);
        assertThat(offered.get("status")).isEqualTo("offered");
        assertThat(Instant.parse(offered.get("offer_start"))).isEqualTo(WEDNESDAY_SEVEN);
        assertThat(Instant.parse(offered.get("offer_expires_at")))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        assertThat(entry(second).get("status")).as("one freed start, one offer").isEqualTo("waiting");
        assertThat(api.get(key, "/reservations/" + offered.get("offer_reservation_id"))
                        .get("status"))
                .isEqualTo("held");
        assertThat(book(WEDNESDAY_SEVEN).status())
                .as("the offered start is held")
                .isEqualTo(409);

        List<Response> answers = atOnce(
                () -> api.post(key, "/waitlist-entries/" + first.get("id") + "/accept-offer", Map.of()),
                () -> api.post(key, "/waitlist-entries/" + first.get("id") + "/accept-offer", Map.of()));
        assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(200, 409);
        Response loser =
                answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(loser.code()).isEqualTo("no_open_offer");
        Response accepted = entry(first);
        assertThat(accepted.get("status")).isEqualTo("seated");
        assertThat(api.get(key, "/reservations/" + accepted.get("reservation_id"))
                        .get("status"))
                .isEqualTo("confirmed");
        assertThat(jdbc.sql("select count(*) from reservations where organization_id = :org"
                                + " and start_datetime = :start and status in ('held', 'confirmed')")
                        .param("org", tenant.id())
                        .param("start", java.sql.Timestamp.from(WEDNESDAY_SEVEN))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(eventTypes()).contains("waitlist_entry.offered");
    }

    @Test
    void aLapsedOfferPassesToTheNextEntryAndTheLateGuestIsToldAndKeepsWaiting() throws Exception {
        Response booked = book(WEDNESDAY_SEVEN);
        Response first = join(laterOn(WEDNESDAY, 2), "Jo", "+49 30 7777777");
        Response second = join(laterOn(WEDNESDAY, 2), "Kit", "+49 30 8888888");
        cancel(booked.get("id"));
        assertThat(entry(first).get("status")).isEqualTo("offered");

        clock.advance(Duration.ofMinutes(11));
        reservations.expireLapsedHolds(tenant.id());

        assertThat(entry(first).get("status")).as("back in the queue").isEqualTo("waiting");
        Response next = entry(second);
        assertThat(next.get("status")).isEqualTo("offered");
        assertThat(Instant.parse(next.get("offer_start"))).isEqualTo(WEDNESDAY_SEVEN);

        List<Response> answers = atOnce(
                () -> api.post(key, "/waitlist-entries/" + first.get("id") + "/accept-offer", Map.of()),
                () -> api.post(key, "/waitlist-entries/" + second.get("id") + "/accept-offer", Map.of()));
        assertThat(answers.get(0).status()).isEqualTo(409);
        assertThat(answers.get(0).code()).isEqualTo("no_open_offer");
        assertThat(answers.get(1).status()).as(answers.get(1).text()).isEqualTo(200);
        assertThat(entry(first).get("status"))
                .as("the late guest stays in the queue")
                .isEqualTo("waiting");
        assertThat(entry(second).get("status")).isEqualTo("seated");
    }

    @Test
    void aDeclinedOfferGoesToTheNextEntry() {
        Response booked = book(WEDNESDAY_SEVEN);
        Response first = join(laterOn(WEDNESDAY, 2), "Lu", "+49 30 9999999");
        Response second = join(laterOn(WEDNESDAY, 2), "Mo", "+49 30 9999998");
        cancel(booked.get("id"));

        Response declined = api.post(key, "/waitlist-entries/" + first.get("id") + "/decline-offer", Map.of());
        assertThat(declined.status()).as(declined.text()).isEqualTo(200);
        assertThat(declined.get("status")).isEqualTo("waiting");
        assertThat(entry(second).get("status")).isEqualTo("offered");
        assertThat(api.post(key, "/waitlist-entries/" + first.get("id") + "/decline-offer", Map.of())
                        .code())
                .isEqualTo("no_open_offer");
    }

    @Test
    void anAssistantJoinsTheWaitlistOnlyWhenTheToolIsEnabledAndNeverSeesTheStoredGuest() {
        Response created = api.post(
                key,
                "/ai-assistants",
                fields("name", "Concierge", "internal_tools", fields("tools", List.of("get_available_slots"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String tools = "/ai-assistants/" + created.get("id") + "/tools/join_waitlist";
        Map<String, Object> arguments = fields(
                "kind",
                "now",
                "party_size",
                2,
                "service_id",
                service,
                "contact",
                fields("first_name", "Nia", "phone", "+49 30 4242424"));
        Response off = api.post(created.get("secret"), tools, arguments);
        assertThat(off.status()).as("off unless enabled").isIn(403, 404);
        assertThat(count("waitlist_entries")).isZero();

        Response enabled = api.patch(
                key,
                "/ai-assistants/" + created.get("id"),
                fields("internal_tools", fields("tools", List.of("join_waitlist"))));
        assertThat(enabled.status()).as(enabled.text()).isEqualTo(200);
        Response joined = api.post(created.get("secret"), tools, arguments);
        assertThat(joined.status()).as(joined.text()).isEqualTo(200);
        Response stored = api.get(key, "/waitlist-entries?source=ai_assistant");
        assertThat(stored.body().get("total").asInt()).isEqualTo(1);
        assertThat(joined.text()).doesNotContain("4242424");
        assertThat(stored.text()).contains("+49304242424");
    }

    @Test
    void entriesWhoseDayHasPassedExpireOnTheVenuesClockAndLetTheirOfferGo() {
        Response booked = book(WEDNESDAY_SEVEN);
        Response offeredOne = join(laterOn(WEDNESDAY, 2), "Nell", "+49 30 5100000");
        Response atTheDoor =
                join(fields("kind", "now", "party_size", 2, "source", "walk_in"), "Otto", "+49 30 5150000");
        Response thursday = join(laterOn("2027-05-06", 2), "Pia", "+49 30 5200000");
        cancel(booked.get("id"));
        Response offered = entry(offeredOne);
        assertThat(offered.get("status")).isEqualTo("offered");

        // Wednesday 23:59 in Berlin: Monday's door queue is over, Wednesday is not yet.
        clock.set(Instant.parse("2027-05-05T21:59:00Z"));
        sweeper.sweep();
        assertThat(entry(atTheDoor).get("status")).isEqualTo("expired");
        assertThat(entry(atTheDoor).get("expired_at")).isEqualTo("2027-05-05T21:59:00Z");
        assertThat(entry(offeredOne).get("status")).isEqualTo("offered");

        // Midnight in Berlin: Wednesday has passed.
        clock.set(Instant.parse("2027-05-05T22:00:00Z"));
        sweeper.sweep();
        Response expired = entry(offeredOne);
        assertThat(expired.get("status")).isEqualTo("expired");
        assertThat(expired.body().get("offer_reservation_id").isNull()).isTrue();
        // The offer lapsed long ago: its hold blocks nothing, and the hold sweeper expires it as any other.
        reservations.expireLapsedHolds(tenant.id());
        assertThat(api.get(key, "/reservations/" + offered.get("offer_reservation_id"))
                        .get("status"))
                .isEqualTo("expired");
        assertThat(entry(offeredOne).get("status"))
                .as("and the entry stays expired")
                .isEqualTo("expired");
        assertThat(entry(thursday).get("status")).isEqualTo("waiting");
        sweeper.sweep();
        assertThat(eventTypes().stream().filter("waitlist_entry.expired"::equals))
                .as("each entry expires once")
                .hasSize(2);
    }

    @Test
    void widenedHoursOfferTheNewStartsToEveryEntryTheyFitAndANeutralChangeOffersNothing() {
        // Wednesday closes at 21:00 (last start 20:00); two guests want 21:00 to 22:00.
        List<Map<String, Object>> week = new ArrayList<>();
        for (int day : new int[] {0, 1, 4, 5, 6}) {
            week.add(CatalogFixtures.window(day, "10:00", "23:00"));
        }
        week.add(CatalogFixtures.window(3, "10:00", "21:00"));
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        catalog.week(table, week);
        Map<String, Object> late = fields(
                "kind",
                "later",
                "service_id",
                service,
                "party_size",
                2,
                "date",
                WEDNESDAY,
                "window_start",
                "21:00",
                "window_end",
                "22:00",
                "source",
                "phone");
        Response first = join(late, "Quin", "+49 30 5300000");
        Response second = join(late, "Rey", "+49 30 5400000");
        Response third = join(late, "Sol", "+49 30 5500000");

        Response renamed = api.patch(key, "/reservation-services/" + service, fields("name", "Dinner service"));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(entry(first).get("status")).as("nothing was added").isEqualTo("waiting");

        week.set(week.size() - 1, CatalogFixtures.window(3, "10:00", "23:00"));
        catalog.week(table, week);

        Response at21 = entry(first);
        Response at22 = entry(second);
        assertThat(at21.get("status")).isEqualTo("offered");
        assertThat(Instant.parse(at21.get("offer_start"))).isEqualTo(Instant.parse("2027-05-05T19:00:00Z"));
        assertThat(at22.get("status")).isEqualTo("offered");
        assertThat(Instant.parse(at22.get("offer_start"))).isEqualTo(Instant.parse("2027-05-05T20:00:00Z"));
        assertThat(entry(third).get("status"))
                .as("two new starts on one table, two offers")
                .isEqualTo("waiting");
    }

    @Test
    void aNewTableOffersItsStartToTheFirstEntryItFits() {
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String anyTable = catalog.service(fields("name", "Bar seats", "duration_minutes", 60, "max_party_size", 4));
        catalog.link(anyTable, table, "any_available");
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        anyTable,
                        "party_size",
                        2,
                        "start_datetime",
                        WEDNESDAY_SEVEN.toString(),
                        "contact",
                        fields("first_name", "Booker", "email", "booker-" + UUID.randomUUID() + "@example.com")));
        TestApi.expect(booked, 201);
        Map<String, Object> wish = laterOn(WEDNESDAY, 2);
        wish.put("service_id", anyTable);
        Response waiting = join(wish, "Tia", "+49 30 5600000");
        assertThat(waiting.status()).as(waiting.text()).isEqualTo(201);
        assertThat(entry(waiting).get("status")).isEqualTo("waiting");

        String second = catalog.resource("Table 2", "table", 4);
        catalog.everyDay(second, "10:00", "23:00");

        Response offered = entry(waiting);
        assertThat(offered.get("status")).as("the new table seats the party").isEqualTo("offered");
        assertThat(Instant.parse(offered.get("offer_start"))).isEqualTo(WEDNESDAY_SEVEN);
    }

    private Response book(Instant start) {
        return api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        start.toString(),
                        "contact",
                        fields("first_name", "Booker", "email", "booker-" + UUID.randomUUID() + "@example.com")));
    }

    private void cancel(String reservation) {
        Response cancelled = api.patch(key, "/reservations/" + reservation, fields("status", "cancelled"));
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
    }

    private Response entry(Response created) {
        return api.get(key, "/waitlist-entries/" + created.get("id"));
    }

    /** A later entry whose window holds one start of the day: 19:00 (the service starts on the hour). */
    private Map<String, Object> laterOn(String date, int partySize) {
        return fields(
                "kind",
                "later",
                "service_id",
                service,
                "party_size",
                partySize,
                "date",
                date,
                "window_start",
                "18:30",
                "window_end",
                "19:30",
                "source",
                "phone");
    }

    private Response join(Map<String, Object> body, String name, String phone) {
        Map<String, Object> withGuest = new java.util.LinkedHashMap<>(body);
        withGuest.putIfAbsent("service_id", service);
        withGuest.put(
                "contact", phone == null ? fields("first_name", name) : fields("first_name", name, "phone", phone));
        return api.post(key, "/waitlist-entries", withGuest);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where organization_id = :org")
                .param("org", tenant.id())
                .query(Long.class)
                .single();
    }

    private List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        api.get(key, "/events?$limit=50")
                .body()
                .get("data")
                .forEach(event -> types.add(event.get("type").asString()));
        return types;
    }

    @SafeVarargs
    private static List<Response> atOnce(java.util.function.Supplier<Response>... calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Response>> running = new ArrayList<>();
        for (java.util.function.Supplier<Response> call : calls) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return call.get();
            }));
        }
        go.countDown();
        List<Response> answers = new ArrayList<>();
        for (CompletableFuture<Response> answer : running) {
            answers.add(answer.get());
        }
        return answers;
    }
}

package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Booking, statuses, rescheduling and cancelling over HTTP. */
@IntegrationTest
class ReservationLifecycleIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // A Monday far enough ahead to be inside every booking window and outside every cancellation deadline.
    static final LocalDate DAY = LocalDate.of(2027, 3, 8);

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String key;
    CatalogFixtures catalog;
    String service;
    String table;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields(
                "name",
                "Dinner",
                "duration_minutes",
                90,
                "slot_interval",
                30,
                "buffer_after_minutes",
                15,
                "max_party_size",
                4));
        table = catalog.resource("Table 1", "table", 4);
        catalog.link(service, table, "any_available");
        catalog.everyDay(table, "18:00", "23:00");
    }

    @Test
    void aBookingTakesTheTableAndTheSlotDisappears() {
        Response booked = book("19:00", 2);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.get("status")).isEqualTo("confirmed");
        assertThat(booked.get("start_datetime")).isEqualTo(at("19:00"));
        assertThat(booked.get("end_datetime")).isEqualTo(at("20:30"));
        assertThat(booked.get("confirmation_code")).hasSize(6);
        assertThat(booked.body().get("assigned_resources").get(0).get("name").asString())
                .isEqualTo("Table 1");
        assertThat(booked.header("Location")).isEqualTo("/reservations/" + booked.get("id"));

        List<String> left = localTimes();
        // 19:00 + 90 min + 15 min buffer: the table is busy until 20:45, so 18:00 (ends 19:45 incl. buffer) still
        // fits only if it ends before 19:00: it does not.
        assertThat(left)
                .doesNotContain("18:00", "18:30", "19:00", "19:30", "20:00", "20:30")
                .contains("21:00");
    }

    @Test
    void anyAvailableGivesTheTableLeastOccupiedThatDayEvenByBookingsAtOtherTimes() {
        // "Table 0" sorts before "Table 1", so a tie would go to it; it is busier that day, though not at 21:00.
        // The service's any_available link takes any table of the organization.
        String first = catalog.resource("Table 0", "table", 4);
        catalog.everyDay(first, "18:00", "23:00");
        Response early = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at("18:00"),
                        "preferred_resource_id",
                        first));
        assertThat(early.body().get("assigned_resources").get(0).get("name").asString())
                .isEqualTo("Table 0");

        Response late = book("21:00", 2);
        assertThat(late.status()).as(late.text()).isEqualTo(201);
        assertThat(late.body().get("assigned_resources").get(0).get("name").asString())
                .as("best fit: the same capacity, then the lighter load on the day")
                .isEqualTo("Table 1");
    }

    @Test
    void aSecondBookingOfTheSameTableAtTheSameTimeIsRefusedWithAlternatives() {
        assertThat(book("19:00", 2).status()).isEqualTo(201);
        Response refused = book("19:00", 2);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("slot_unavailable");
        assertThat(refused.body().get("nearest_available_starts")).isNotEmpty();
        assertThat(refused.body().get("nearest_available_starts").get(0).asString())
                .isEqualTo(at("21:00"));
    }

    @Test
    void aServiceThatRequiresConfirmationStartsPending() {
        String consult = catalog.service(
                fields("name", "Private dining", "duration_minutes", 60, "requires_confirmation", true));
        catalog.link(consult, table, "required");
        Response booked = api.post(
                key, "/reservations", fields("service_id", consult, "party_size", 2, "start_datetime", at("18:00")));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.get("status")).isEqualTo("pending");
        assertThat(patch(booked, fields("status", "confirmed")).get("status")).isEqualTo("confirmed");
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "confirmed, seated, 200",
        "confirmed, completed, 200",
        "confirmed, no_show, 200",
        "confirmed, cancelled, 200",
        "confirmed, pending, 409",
        "confirmed, held, 409",
        "seated, completed, 200",
        "seated, cancelled, 409",
        "seated, no_show, 409",
        "completed, confirmed, 409",
        "cancelled, confirmed, 409",
        "no_show, completed, 409",
        "held, confirmed, 200",
        "held, pending, 200",
        "held, cancelled, 200",
        "held, seated, 409",
    })
    void theStatusMachineAllowsOnlyItsMoves(String from, String to, int status) {
        Response booked = from.equals("held")
                ? api.post(
                        key,
                        "/reservations",
                        fields("service_id", service, "party_size", 2, "start_datetime", at("19:00"), "status", "held"))
                : book("19:00", 2);
        TestApi.expect(booked, 201);
        if (!from.equals("held") && !from.equals("confirmed")) {
            TestApi.expect(api.patch(key, "/reservations/" + booked.get("id"), fields("status", from)), 200);
        }
        Response moved = api.patch(key, "/reservations/" + booked.get("id"), fields("status", to));
        assertThat(moved.status()).as(moved.text()).isEqualTo(status);
        if (status == 409) {
            assertThat(moved.code()).isEqualTo("invalid_transition");
            assertThat(api.get(key, "/reservations/" + booked.get("id")).get("status"))
                    .isEqualTo(from);
        }
    }

    @Test
    void cancellingFreesThePlaceAndRecordsWhoAndWhy() {
        Response booked = book("19:00", 2);
        Response cancelled = patch(booked, fields("status", "cancelled", "cancellation_reason", "Guest called"));
        assertThat(cancelled.get("cancelled_by")).isEqualTo("organization");
        assertThat(cancelled.body().get("cancelled_at").isNull()).isFalse();
        assertThat(cancelled.get("cancellation_reason")).isEqualTo("Guest called");
        assertThat(cancelled.body().get("assigned_resources")).isEmpty();
        assertThat(book("19:00", 2).status()).isEqualTo(201);
    }

    @Test
    void aGuestCancelsOnlyWithinThePolicyButTheVenueAlways() {
        String strict = catalog.service(fields("name", "Tasting", "duration_minutes", 60, "allow_cancellation", false));
        catalog.link(strict, table, "required");
        Response booked = api.post(
                key, "/reservations", fields("service_id", strict, "party_size", 2, "start_datetime", at("18:00")));
        TestApi.expect(booked, 201);
        Response byGuest = api.patch(
                key, "/reservations/" + booked.get("id"), fields("status", "cancelled", "cancelled_by", "contact"));
        assertThat(byGuest.status()).isEqualTo(409);
        assertThat(byGuest.code()).isEqualTo("outside_cancellation_window");
        assertThat(api.patch(
                                key,
                                "/reservations/" + booked.get("id"),
                                fields("status", "cancelled", "cancelled_by", "organization"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void reschedulingIntoATakenSlotKeepsTheOldPlace() {
        Response mine = book("19:00", 2);
        Response theirs = book("21:00", 2);
        TestApi.expect(theirs, 201);
        Response moved = api.patch(key, "/reservations/" + mine.get("id"), fields("start_datetime", at("21:00")));
        assertThat(moved.status()).isEqualTo(409);
        assertThat(moved.code()).isEqualTo("slot_unavailable");
        Response unchanged = api.get(key, "/reservations/" + mine.get("id"));
        assertThat(unchanged.get("start_datetime")).isEqualTo(at("19:00"));
        assertThat(unchanged.body().get("assigned_resources")).hasSize(1);
        assertThat(book("19:00", 2).status()).as("the old place is still held").isEqualTo(409);
    }

    @Test
    void reschedulingMovesThePlace() {
        Response mine = book("19:00", 2);
        Response moved = patch(mine, fields("start_datetime", at("19:30"), "party_size", 3));
        assertThat(moved.get("start_datetime")).isEqualTo(at("19:30"));
        assertThat(moved.get("end_datetime")).isEqualTo(at("21:00"));
        assertThat(moved.body().get("party_size").asInt()).isEqualTo(3);
        assertThat(localTimes()).doesNotContain("19:00", "21:00");
        // Back again, onto an interval overlapping its own current place: it must not block itself.
        assertThat(patch(mine, fields("start_datetime", at("19:00"))).get("start_datetime"))
                .isEqualTo(at("19:00"));
        assertThat(localTimes()).contains("21:00");
    }

    @Test
    void completingEarlyFreesTheRestOfTheTime() {
        // Booked far in the future, completed now: the whole evening frees up (the buffer after still applies).
        Response booked = book("19:00", 2);
        patch(booked, fields("status", "seated"));
        Response completed = patch(booked, fields("status", "completed"));
        assertThat(completed.get("status")).isEqualTo("completed");
        assertThat(localTimes()).contains("19:00", "19:30");
    }

    @Test
    void anOverrideBooksOutsideHoursOnANamedTableButNeverOnTopOfAnotherParty() {
        Response walkIn = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        4,
                        "start_datetime",
                        at("23:30"),
                        "override",
                        true,
                        "source",
                        "walk_in",
                        "assigned_resources",
                        List.of(table)));
        assertThat(walkIn.status()).as(walkIn.text()).isEqualTo(201);
        assertThat(walkIn.body().get("is_override").asBoolean()).isTrue();
        assertThat(walkIn.get("source")).isEqualTo("walk_in");

        Response onTop = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at("23:45"),
                        "override",
                        true,
                        "assigned_resources",
                        List.of(table)));
        assertThat(onTop.status()).isEqualTo(409);

        String readOnly = api.newKey(tenant, "read_only");
        assertThat(api.post(
                                readOnly,
                                "/reservations",
                                fields(
                                        "service_id",
                                        service,
                                        "party_size",
                                        2,
                                        "start_datetime",
                                        at("19:00"),
                                        "override",
                                        true))
                        .status())
                .isEqualTo(403);
        Response withoutOverride = api.post(
                key, "/reservations", fields("service_id", service, "party_size", 2, "start_datetime", at("23:30")));
        assertThat(withoutOverride.status()).isEqualTo(409);
    }

    @Test
    void anInlineContactIsMatchedByEmailThenPhone() {
        Response first = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at("18:00"),
                        "contact",
                        fields("first_name", "Ana", "email", "ana@example.com")));
        TestApi.expect(first, 201);
        Response second = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at("21:00"),
                        "contact",
                        fields("first_name", "Ana", "email", "ANA@example.com")));
        TestApi.expect(second, 201);
        assertThat(second.get("contact_id")).isEqualTo(first.get("contact_id"));
    }

    @Test
    void badRequestsAreNamedAndBookNothing() {
        Response noService = api.post(key, "/reservations", fields("party_size", 2, "start_datetime", at("19:00")));
        assertThat(noService.status()).isEqualTo(422);
        Response offGrid = book("19:10", 2);
        assertThat(offGrid.status()).isEqualTo(409);
        Response tooMany = book("19:00", 9);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().get("errors").get(0).get("field").asString()).isEqualTo("party_size");
        Response confirmedStatus = api.post(
                key,
                "/reservations",
                fields("service_id", service, "party_size", 2, "start_datetime", at("19:00"), "status", "seated"));
        assertThat(confirmedStatus.status()).isEqualTo(422);
        Response foreignService = api.post(
                api.newTenant().adminKey(),
                "/reservations",
                fields("service_id", service, "party_size", 2, "start_datetime", at("19:00")));
        assertThat(foreignService.status()).isEqualTo(422);
        assertThat(api.get(key, "/reservations").body().get("total").asInt()).isZero();
    }

    @Test
    void anotherOrganizationsReservationIsNotFound() {
        Response booked = book("19:00", 2);
        Tenant other = api.newTenant();
        assertThat(api.get(other.adminKey(), "/reservations/" + booked.get("id"))
                        .status())
                .isEqualTo(404);
        assertThat(api.patch(other.adminKey(), "/reservations/" + booked.get("id"), fields("status", "cancelled"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(other.adminKey(), "/reservations")
                        .body()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(api.get(key, "/reservations/" + booked.get("id")).get("status"))
                .isEqualTo("confirmed");
    }

    @Test
    void listsFilterAndSearch() {
        book("18:00", 2);
        Response later = book("21:00", 2);
        patch(later, fields("status", "cancelled"));
        assertThat(api.get(key, "/reservations?status=confirmed")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get(key, "/reservations?resource=" + table + "&$sort[start_datetime]=-1")
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get(key, "/reservations?searchTerm=" + later.get("confirmation_code"))
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get(key, "/reservations?start_datetime[$gte]=" + at("20:00"))
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void customFieldsAreCheckedAgainstTheirDefinitions() {
        TestApi.expect(
                api.post(
                        key,
                        "/custom-fields",
                        fields(
                                "entity_type",
                                "reservation",
                                "key",
                                "occasion",
                                "label",
                                "Occasion",
                                "field_type",
                                "select",
                                "options",
                                List.of("birthday", "anniversary"),
                                "is_required",
                                true)),
                201);
        Response missing = book("19:00", 2);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().get("errors").findValuesAsString("field")).contains("custom_fields_by_key.occasion");
        Response unknown = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at("19:00"),
                        "custom_fields_by_key",
                        fields("occasion", "birthday", "colour", "red")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body().get("errors").findValuesAsString("field")).contains("custom_fields_by_key.colour");
        Response wrongOption = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at("19:00"),
                        "custom_fields_by_key",
                        fields("occasion", "wedding")));
        assertThat(wrongOption.status()).isEqualTo(422);
        Response good = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        at("19:00"),
                        "custom_fields_by_key",
                        fields("occasion", "birthday")));
        assertThat(good.status()).as(good.text()).isEqualTo(201);
        assertThat(good.body().get("custom_fields_by_key").get("occasion").asString())
                .isEqualTo("birthday");
        Response cleared = api.patch(
                key, "/reservations/" + good.get("id"), fields("custom_fields_by_key", fields("occasion", null)));
        assertThat(cleared.status()).as("a required field cannot be removed").isEqualTo(422);
    }

    @Test
    void aServiceWithReservationsCannotBeDeleted() {
        TestApi.expect(book("19:00", 2), 201);
        Response deleted = api.delete(key, "/reservation-services/" + service);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(409);
        assertThat(deleted.code()).isEqualTo("conflict");
        assertThat(api.get(key, "/reservation-services/" + service).status()).isEqualTo(200);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyBooksOnce() {
        String body = TestApi.json(fields("service_id", service, "party_size", 2, "start_datetime", at("19:00")));
        Response first = api.send(key, "POST", "/reservations", body, Map.of("Idempotency-Key", "book-1"));
        Response retry = api.send(key, "POST", "/reservations", body, Map.of("Idempotency-Key", "book-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.get("id")).isEqualTo(first.get("id"));
        assertThat(api.get(key, "/reservations").body().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aResourceWithoutHoursInAnOrganizationWithoutHoursIsOpenAllDay() {
        String courtHire = catalog.service(fields("name", "Court hire", "duration_minutes", 60));
        String court = catalog.resource(fields("name", "Court", "resource_type", "room"));
        catalog.link(courtHire, court, "required");

        // Nobody keeps hours, so nobody constrains the day (scheduling rules §2, rule 5): 03:00 is bookable.
        Response booked = api.post(
                key, "/reservations", fields("service_id", courtHire, "party_size", 1, "start_datetime", at("03:00")));

        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.body().get("assigned_resources").get(0).get("name").asString())
                .isEqualTo("Court");
    }

    private Response book(String localTime, int partySize) {
        return api.post(
                key,
                "/reservations",
                fields("service_id", service, "party_size", partySize, "start_datetime", at(localTime)));
    }

    private Response patch(Response reservation, Map<String, Object> changes) {
        Response patched = api.patch(key, "/reservations/" + reservation.get("id"), changes);
        TestApi.expect(patched, 200);
        return patched;
    }

    private List<String> localTimes() {
        Response slots =
                api.get(key, "/reservation-available-slots?service_id=" + service + "&date=" + DAY + "&party_size=2");
        TestApi.expect(slots, 200);
        List<String> times = new java.util.ArrayList<>();
        slots.body()
                .get("slots")
                .forEach(slot -> times.add(slot.get("local_time").asString()));
        return times;
    }

    static String at(String localTime) {
        return DAY.atTime(java.time.LocalTime.parse(localTime))
                .atZone(BERLIN)
                .toInstant()
                .toString();
    }
}

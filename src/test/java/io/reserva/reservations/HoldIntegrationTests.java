package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.ClockedIntegrationTest;
import io.reserva.support.MutableClock;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Holds: a place kept for minutes, confirmed in time or lost, and never in anyone's way once lapsed. */
@ClockedIntegrationTest
class HoldIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2027, 5, 3);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    Clock applicationClock;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    String key;
    String service;

    @BeforeEach
    void setUp() {
        // The clock is shared with the other @ClockedIntegrationTest classes: each test starts at the real time.
        clock.set(Instant.now());
        api = new TestApi(port);
        Tenant tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields("name", "Massage", "duration_minutes", 60));
        String room = catalog.resource("Room", "room", null);
        catalog.link(service, room, "required");
        catalog.everyDay(room, "10:00", "11:00");
    }

    @Test
    void theApplicationRunsOnTheTestClock() {
        assertThat(applicationClock).isSameAs(clock);
    }

    @Test
    void aHoldConfirmedInTimeBecomesABooking() {
        Response held = hold(10);
        assertThat(held.get("status")).isEqualTo("held");
        assertThat(Instant.parse(held.get("hold_expires_at")))
                .isEqualTo(clock.instant()
                        .truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                        .plus(Duration.ofMinutes(10)));
        assertThat(book().status()).as("held places are taken").isEqualTo(409);

        clock.advance(Duration.ofMinutes(9));
        Response confirmed = api.patch(key, "/reservations/" + held.get("id"), fields("status", "confirmed"));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.get("status")).isEqualTo("confirmed");
        assertThat(confirmed.body().get("hold_expires_at").isNull()).isTrue();
    }

    @Test
    void aLapsedHoldBlocksNothingEvenBeforeTheSweeperAndCannotBeConfirmed() {
        Response held = hold(5);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(statusInDatabase(held)).as("not swept yet").isEqualTo("held");
        assertThat(api.get(key, "/reservation-available-slots?service_id=" + service + "&date=" + DAY)
                        .body()
                        .get("bookable")
                        .asBoolean())
                .isTrue();

        Response late = api.patch(key, "/reservations/" + held.get("id"), fields("status", "confirmed"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("hold_expired");

        assertThat(book().status()).as("someone else takes the place").isEqualTo(201);
        assertThat(api.get(key, "/reservations/" + held.get("id")).get("status"))
                .isEqualTo("expired");
    }

    @Test
    void aBookingOverALapsedHoldExpiresItOnTheWay() {
        Response held = hold(5);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(statusInDatabase(held)).as("not swept yet").isEqualTo("held");

        // The planner ignores the lapsed hold; its units still stand in the exclusion constraint's way until
        // the booking, having lost the insert, expires lapsed holds and tries again.
        assertThat(book().status()).isEqualTo(201);
        assertThat(statusInDatabase(held)).isEqualTo("expired");
    }

    @Test
    void aHoldWaitsForItsRequiredAnswersUntilItIsConfirmed() {
        TestApi.expect(
                api.post(
                        key,
                        "/custom-fields",
                        fields(
                                "entity_type",
                                "reservation",
                                "key",
                                "allergies",
                                "label",
                                "Allergies",
                                "field_type",
                                "text",
                                "is_required",
                                true)),
                201);
        Response booked = book();
        assertThat(booked.status()).as("a booking needs its answers at once").isEqualTo(422);
        assertThat(booked.body().get("errors").get(0).get("field").asString())
                .isEqualTo("custom_fields_by_key.allergies");

        Response held = hold(5);
        assertThat(held.status())
                .as("a hold keeps the place while the guest types")
                .isEqualTo(201);
        String path = "/reservations/" + held.get("id");
        assertThat(api.patch(key, path, fields("customer_notes", "Quiet room")).status())
                .as("still held: other changes are fine")
                .isEqualTo(200);

        Response unanswered = api.patch(key, path, fields("status", "confirmed"));
        assertThat(unanswered.status()).isEqualTo(422);
        assertThat(unanswered.body().get("errors").get(0).get("field").asString())
                .isEqualTo("custom_fields_by_key.allergies");
        assertThat(statusInDatabase(held)).as("nothing changed").isEqualTo("held");

        Response confirmed = api.patch(
                key, path, fields("status", "confirmed", "custom_fields_by_key", fields("allergies", "none")));
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        assertThat(confirmed.body().get("custom_fields_by_key").get("allergies").asString())
                .isEqualTo("none");
        assertThat(api.patch(key, path, fields("custom_fields_by_key", fields("allergies", null)))
                        .status())
                .as("a confirmed booking cannot drop a required answer")
                .isEqualTo(422);
        assertThat(api.patch(key, path, fields("status", "cancelled")).status()).isEqualTo(200);
    }

    @Test
    void holdsLastAtMostThirtyMinutes() {
        Response tooLong = api.post(
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
                        "hold_minutes",
                        31));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body().get("errors").get(0).get("field").asString()).isEqualTo("hold_minutes");
    }

    private Response hold(int minutes) {
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
                        "hold_minutes",
                        minutes));
        TestApi.expect(held, 201);
        return held;
    }

    private Response book() {
        return api.post(
                key, "/reservations", fields("service_id", service, "party_size", 1, "start_datetime", start()));
    }

    private String statusInDatabase(Response reservation) {
        return jdbc.sql("select status from reservations where id = :id")
                .param("id", UUID.fromString(reservation.get("id")))
                .query(String.class)
                .single();
    }

    private static String start() {
        return DAY.atTime(LocalTime.of(10, 0))
                .atZone(ZoneId.of("Europe/Berlin"))
                .toInstant()
                .toString();
    }
}

package io.reserva.google;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Booking through Google: once per token however retries arrive, and only where availability says so. */
@IntegrationTest
class GoogleBookingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void sixteenConcurrentRetriesWithOneTokenBookOnce() throws Exception {
        GoogleFixture google = new GoogleFixture(new TestApi(port));
        String token = UUID.randomUUID().toString();
        String body = TestApi.json(fields(
                "slot", google.slot(GoogleFixture.startSec(2, "19:00"), 2),
                "user_information", GoogleFixture.user("u-" + token),
                "idempotency_token", token));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return google.call("CreateBooking", body);
                }));
            }
            go.countDown();
            Set<String> bookingIds = new HashSet<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertThat(response.status()).as(response.text()).isEqualTo(200);
                assertThat(response.body().has("booking_failure"))
                        .as(response.text())
                        .isFalse();
                bookingIds.add(response.body().get("booking").get("booking_id").asString());
            }
            assertThat(bookingIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from reservations where organization_id = :org")
                        .param("org", google.tenant.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from contacts where organization_id = :org")
                        .param("org", google.tenant.id())
                        .query(Long.class)
                        .single())
                .as("no guest left behind by the retries that lost")
                .isEqualTo(1L);
    }

    private static void limitBookingsPerUser(GoogleFixture google, int limit) {
        TestApi.expect(
                google.api.send(
                        google.tenant.adminKey(),
                        "PUT",
                        "/google-integration",
                        TestApi.json(fields(
                                "merchant_id",
                                google.merchantId,
                                "enabled",
                                true,
                                "service_mappings",
                                List.of(fields("google_service_id", "dinner", "service_id", google.dinner)),
                                "max_future_bookings_per_user",
                                limit)),
                        java.util.Map.of()),
                200);
    }

    private static Response book(GoogleFixture google, long start, String userId) {
        Response response = google.call(
                "CreateBooking",
                fields(
                        "slot",
                        google.slot(start, 2),
                        "user_information",
                        GoogleFixture.user(userId),
                        "idempotency_token",
                        UUID.randomUUID().toString()));
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response;
    }

    private static String cause(Response response) {
        return response.body().has("booking_failure")
                ? response.body().get("booking_failure").get("cause").asString()
                : null;
    }

    @Test
    void aMerchantsLimitOfFutureBookingsPerUserRefusesTheNextOne() {
        GoogleFixture google = new GoogleFixture(new TestApi(port));
        limitBookingsPerUser(google, 2);
        String user = "u-" + UUID.randomUUID();
        String first = book(google, GoogleFixture.startSec(2, "12:00"), user)
                .body()
                .get("booking")
                .get("booking_id")
                .asString();
        assertThat(cause(book(google, GoogleFixture.startSec(3, "12:00"), user)))
                .isNull();
        Response third = book(google, GoogleFixture.startSec(4, "12:00"), user);
        assertThat(cause(third)).isEqualTo("USER_OVER_BOOKING_LIMIT");
        assertThat(cause(book(google, GoogleFixture.startSec(4, "12:00"), "other-" + user)))
                .as("another user is not limited by this one's bookings")
                .isNull();
        TestApi.expect(
                google.call("UpdateBooking", fields("booking", fields("booking_id", first, "status", "CANCELED"))),
                200);
        assertThat(cause(book(google, GoogleFixture.startSec(5, "12:00"), user)))
                .as("a cancelled booking no longer counts")
                .isNull();

        Response bad = google.api.send(
                google.tenant.adminKey(),
                "PUT",
                "/google-integration",
                TestApi.json(fields("merchant_id", google.merchantId, "max_future_bookings_per_user", 0)),
                java.util.Map.of());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("max_future_bookings_per_user");
    }

    @Test
    void oneUsersConcurrentBookingsWithDifferentTokensPassTheUserChecksOneAtATime() throws Exception {
        GoogleFixture google = new GoogleFixture(new TestApi(port));
        limitBookingsPerUser(google, 1);
        String user = "u-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                long start = GoogleFixture.startSec(2 + i, "13:00");
                calls.add(pool.submit(() -> {
                    go.await();
                    return book(google, start, user);
                }));
            }
            go.countDown();
            List<String> causes = new ArrayList<>();
            for (Future<Response> call : calls) {
                causes.add(String.valueOf(cause(call.get())));
            }
            assertThat(causes).as("one booked, the rest over the limit").containsOnlyOnce("null");
            assertThat(causes.stream().filter(c -> !c.equals("null"))).containsOnly("USER_OVER_BOOKING_LIMIT");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from reservations where organization_id = :org")
                        .param("org", google.tenant.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    /**
     * Random starts (on and off the grid, past and future, inside and outside the hours) and party sizes (inside
     * and outside the service's limits), each asked of BatchAvailabilityLookup and then booked: the booking
     * succeeds exactly when the lookup said available. Bookings made along the way fill the table, so later
     * answers change too. A fixed seed keeps a failure reproducible.
     */
    @Test
    void availableExactlyWhenCreateBookingSucceeds() {
        GoogleFixture google = new GoogleFixture(new TestApi(port));
        Random random = new Random(20_261_201L);
        int booked = 0;
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            int day = random.nextInt(3);
            int minutes = 10 * random.nextInt(6 * 13);
            String time = String.format("%02d:%02d", 11 + minutes / 60, minutes % 60);
            long start = GoogleFixture.startSec(day, time);
            int party = 1 + random.nextInt(6);
            String user = "p" + i + "-" + UUID.randomUUID();
            Response lookup = google.call(
                    "BatchAvailabilityLookup",
                    fields(
                            "merchant_id",
                            google.merchantId,
                            "slot_time",
                            List.of(fields(
                                    "service_id",
                                    "dinner",
                                    "start_sec",
                                    start,
                                    "duration_sec",
                                    "5400",
                                    "resource_ids",
                                    fields("party_size", party)))));
            TestApi.expect(lookup, 200);
            assertThat(lookup.body().get("slot_time_availability").size()).isEqualTo(1);
            boolean available = lookup.body()
                    .get("slot_time_availability")
                    .get(0)
                    .get("available")
                    .asBoolean();
            Response create = google.call(
                    "CreateBooking",
                    fields(
                            "slot", google.slot(start, party),
                            "user_information", GoogleFixture.user(user),
                            "idempotency_token", user));
            TestApi.expect(create, 200);
            boolean succeeded = create.body().has("booking");
            String described = "day " + day + " " + time + " party " + party + ": " + create.text();
            assertThat(succeeded).as(described).isEqualTo(available);
            if (!succeeded) {
                assertThat(create.body().get("booking_failure").get("cause").asString())
                        .as(described)
                        .isEqualTo("SLOT_UNAVAILABLE");
                refused++;
            } else {
                booked++;
            }
        }
        assertThat(booked).as("some starts were free").isGreaterThanOrEqualTo(3);
        assertThat(refused).as("some were not").isGreaterThanOrEqualTo(3);
    }

    @Test
    void nothingIsHalfBookedWhenGoogleIsRefused() {
        GoogleFixture google = new GoogleFixture(new TestApi(port));
        long start = GoogleFixture.startSec(2, "19:00");
        Map<String, Object> badPhone = new java.util.LinkedHashMap<>(GoogleFixture.user("u-" + UUID.randomUUID()));
        badPhone.put("telephone", "call me");
        Response refused = google.call(
                "CreateBooking",
                fields(
                        "slot",
                        google.slot(start, 2),
                        "user_information",
                        badPhone,
                        "idempotency_token",
                        UUID.randomUUID().toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("user_information.telephone");
        Response tooBig = google.call(
                "CreateBooking",
                fields(
                        "slot", google.slot(start, 5),
                        "user_information", GoogleFixture.user("u-" + UUID.randomUUID()),
                        "idempotency_token", UUID.randomUUID().toString()));
        assertThat(tooBig.body().get("booking_failure").get("cause").asString()).isEqualTo("SLOT_UNAVAILABLE");
        assertThat(jdbc.sql("select count(*) from reservations where organization_id = :org")
                        .param("org", google.tenant.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from contacts where organization_id = :org")
                        .param("org", google.tenant.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from google_bookings where organization_id = :org")
                        .param("org", google.tenant.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aGoogleBookingIsMarkedAndNeverEchoesTheStoredContact() {
        TestApi api = new TestApi(port);
        GoogleFixture google = new GoogleFixture(api);
        String userId = "u-" + UUID.randomUUID();
        Map<String, Object> user = GoogleFixture.user(userId);
        TestApi.expect(
                api.post(
                        google.tenant.adminKey(),
                        "/contacts",
                        fields(
                                "first_name", "Stored",
                                "last_name", "Secret",
                                "email", user.get("email"),
                                "phone", "+4930111111",
                                "notes", "allergic to nuts")),
                201);
        Response created = google.call(
                "CreateBooking",
                fields(
                        "slot", google.slot(GoogleFixture.startSec(2, "19:00"), 2),
                        "user_information", user,
                        "idempotency_token", userId));
        TestApi.expect(created, 200);
        assertThat(created.text())
                .doesNotContain("Stored")
                .doesNotContain("Secret")
                .doesNotContain("4930111111")
                .doesNotContain("nuts");
        String bookingId = created.body().get("booking").get("booking_id").asString();
        Response reservation = api.get(google.tenant.adminKey(), "/reservations/" + bookingId);
        TestApi.expect(reservation, 200);
        assertThat(reservation.get("source")).isEqualTo("google");
        assertThat(reservation.body().get("contact").get("first_name").asString())
                .as("the stored contact is not overwritten")
                .isEqualTo("Stored");
        Response listed = google.call("ListBookings", fields("user_id", userId));
        assertThat(listed.text()).doesNotContain("Stored").doesNotContain("4930111111");
    }
}

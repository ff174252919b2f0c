package io.reserva.google;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real-time updates to a local stand-in for Google's Maps Booking API and OAuth token endpoint. The stand-in
 * checks what Google would: a token request signed with the service account's key (a test key made here), the
 * bearer token on every call, and camelCase JSON bodies.
 */
@IntegrationTest
class GoogleRealTimeUpdatesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = "ya29.test-token";
    private static final KeyPair ACCOUNT_KEY = rsa();
    private static final HttpServer GOOGLE = stub();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<String> REFUSED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger TOKENS = new AtomicInteger();
    /** Booking ids whose next notifications the stand-in answers 503 to, and how many. */
    private static final Map<String, AtomicInteger> FAILING = new ConcurrentHashMap<>();

    record Received(String method, String path, JsonNode body) {}

    @LocalServerPort
    int port;

    TestApi api;

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) throws IOException {
        String base = "http://127.0.0.1:" + GOOGLE.getAddress().getPort();
        Path key = Files.createTempFile("service-account", ".json");
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(ACCOUNT_KEY.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(
                key,
                JSON.writeValueAsString(Map.of(
                        "type", "service_account",
                        "project_id", "reserva-test",
                        "private_key_id", "test-key-1",
                        "private_key", pem,
                        "client_email", "rtu@reserva-test.iam.gserviceaccount.com",
                        "client_id", "1234567890",
                        "token_uri", "http://127.0.0.1:1/not-this-one")));
        registry.add("reserva.google.updates.partner-id", () -> "20001234");
        registry.add("reserva.google.updates.service-account-key", key::toString);
        registry.add("reserva.google.updates.api-base-url", () -> base + "/v1alpha");
        registry.add("reserva.google.updates.token-url", () -> base + "/token");
        registry.add("reserva.google.updates.poll-interval", () -> "PT0.2S");
        registry.add("reserva.google.updates.first-retry", () -> "PT0.2S");
    }

    @AfterAll
    static void stopGoogle() {
        GOOGLE.stop(0);
    }

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
    }

    private static String book(GoogleFixture venue, long start) {
        Response booked = venue.call(
                "CreateBooking",
                fields(
                        "slot",
                        venue.slot(start, 2),
                        "user_information",
                        GoogleFixture.user("u-" + start + venue.merchantId),
                        "idempotency_token",
                        "t-" + start + venue.merchantId));
        TestApi.expect(booked, 200);
        return booked.body().get("booking").get("booking_id").asString();
    }

    private static List<Received> notificationsOf(String bookingId) {
        return RECEIVED.stream()
                .filter(r -> r.path().endsWith("/notification/partners/20001234/bookings/" + bookingId))
                .toList();
    }

    private static List<Received> replacementsOf(String merchantId) {
        return RECEIVED.stream()
                .filter(r -> r.path().equals("/v1alpha/inventory/partners/20001234/availability:replace"))
                .filter(r -> r.body()
                        .get("extendedServiceAvailability")
                        .get(0)
                        .get("merchantId")
                        .asString()
                        .equals(merchantId))
                .toList();
    }

    /** The venue's updates in the delivery log, once none of them waits any more. */
    private List<JsonNode> settledUpdates(GoogleFixture venue) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            Response status = api.get(venue.tenant.adminKey(), "/google-integration/status");
                            TestApi.expect(status, 200);
                            List<JsonNode> all = new java.util.ArrayList<>();
                            status.body().get("real_time_updates").forEach(all::add);
                            return all;
                        },
                        all -> !all.isEmpty()
                                && all.stream()
                                        .allMatch(u -> u.get("status")
                                                        .asString()
                                                        .equals("succeeded")
                                                || u.get("status").asString().equals("failed")));
    }

    @Test
    void aBookingCancelledOnOurSideIsAnnouncedToGoogleExactlyOnceWithItsDayReplaced() {
        GoogleFixture venue = new GoogleFixture(api);
        long start = GoogleFixture.startSec(4, "19:00");
        String bookingId = book(venue, start);

        TestApi.expect(
                api.patch(venue.tenant.adminKey(), "/reservations/" + bookingId, fields("status", "cancelled")), 200);

        List<JsonNode> log = settledUpdates(venue);
        assertThat(REFUSED).isEmpty();
        List<Received> notifications = notificationsOf(bookingId);
        assertThat(notifications).as("exactly one booking notification").hasSize(1);
        Received notification = notifications.get(0);
        assertThat(notification.method()).isEqualTo("PATCH");
        JsonNode body = notification.body();
        assertThat(body.get("name").asString()).isEqualTo("partners/20001234/bookings/" + bookingId);
        assertThat(body.get("merchantId").asString()).isEqualTo(venue.merchantId);
        assertThat(body.get("serviceId").asString()).isEqualTo("dinner");
        assertThat(body.get("status").asString()).isEqualTo("CANCELED");
        assertThat(body.get("startTime").asString())
                .isEqualTo(GoogleFixture.instant(start).toString());
        assertThat(body.get("duration").asString()).isEqualTo("5400s");
        assertThat(body.get("partySize").asInt()).isEqualTo(2);
        assertThat(log.stream().filter(u -> u.get("kind").asString().equals("booking")))
                .singleElement()
                .satisfies(u -> {
                    assertThat(u.get("status").asString()).isEqualTo("succeeded");
                    assertThat(u.get("last_status_code").asInt()).isEqualTo(200);
                    assertThat(u.get("reservation_id").asString()).isEqualTo(bookingId);
                });

        // Its day was replaced after the cancellation: the freed 19:00 is open again for every party size. A
        // catalog change of the new venue may also have queued its days, so the one that counts is the last
        // replacement Google received, once every update has been sent.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Received> replacements = replacementsOf(venue.merchantId);
            assertThat(replacements).isNotEmpty();
            JsonNode last = replacements
                    .get(replacements.size() - 1)
                    .body()
                    .get("extendedServiceAvailability")
                    .get(0);
            assertThat(last.get("serviceId").asString()).isEqualTo("dinner");
            List<String> starts = new java.util.ArrayList<>();
            last.get("availability").forEach(slot -> {
                assertThat(slot.get("duration").asString()).isEqualTo("5400s");
                assertThat(slot.get("spotsOpen").asString()).isEqualTo("1");
                starts.add(slot.get("startTime").asString() + "/"
                        + slot.get("resources").get("partySize").asInt());
            });
            assertThat(starts).contains(GoogleFixture.instant(start) + "/2", GoogleFixture.instant(start) + "/4");
        });
        assertThat(TOKENS.get()).as("the token is reused while valid").isEqualTo(1);
    }

    @Test
    void aBookingMovedToAnotherDayReplacesTheDayItLeftAndTheDayItTook() {
        GoogleFixture venue = new GoogleFixture(api);
        // Beyond the 30 days a catalog change replaces, so the new venue's own set-up cannot replace these two days
        // in the meantime: only the move can.
        long start = GoogleFixture.startSec(40, "19:00");
        long nextDay = GoogleFixture.startSec(41, "19:00");
        String bookingId = book(venue, start);
        settledUpdates(venue);
        Instant beforeTheMove = Instant.now();

        TestApi.expect(
                api.patch(
                        venue.tenant.adminKey(),
                        "/reservations/" + bookingId,
                        fields("start_datetime", GoogleFixture.instant(nextDay).toString())),
                200);

        ZoneId zone = GoogleFixture.BERLIN;
        String left = GoogleFixture.instant(start).atZone(zone).toLocalDate().toString();
        String took = GoogleFixture.instant(nextDay).atZone(zone).toLocalDate().toString();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(settledUpdates(venue).stream()
                                .filter(u -> u.get("kind").asString().equals("availability"))
                                .filter(u -> Instant.parse(u.get("created_at").asString())
                                        .isAfter(beforeTheMove))
                                .map(u -> u.get("local_date").asString() + " "
                                        + u.get("status").asString()))
                        .contains(left + " succeeded", took + " succeeded"));
    }

    @Test
    void aCatalogChangeReplacesEveryDayGoogleIsToldAboutOnce() {
        GoogleFixture venue = new GoogleFixture(api);
        LocalDate today = LocalDate.now(GoogleFixture.BERLIN);
        LocalDate closed = today.plusDays(5);
        assertThat(replacementsOf(venue.merchantId)).as("nothing changed yet").isEmpty();

        TestApi.expect(
                api.post(
                        venue.tenant.adminKey(),
                        "/reservation-resource-exceptions",
                        fields(
                                "resource_id",
                                venue.table,
                                "date",
                                closed.toString(),
                                "exception_type",
                                "blocked",
                                "reason",
                                "Private party")),
                201);

        List<JsonNode> log = settledUpdates(venue);
        assertThat(REFUSED).isEmpty();
        assertThat(log).allSatisfy(u -> {
            assertThat(u.get("kind").asString()).isEqualTo("availability");
            assertThat(u.get("status").asString()).isEqualTo("succeeded");
        });
        // Every day of the feed's 30 from the venue's today, each replaced once (a day's replacement is not queued
        // twice while one waits, and one change queues each day once).
        assertThat(log.stream().map(u -> u.get("local_date").asString()).sorted())
                .containsExactlyElementsOf(today.datesUntil(today.plusDays(30))
                        .map(LocalDate::toString)
                        .toList());
        Map<String, JsonNode> byDay = new java.util.HashMap<>();
        for (Received replacement : replacementsOf(venue.merchantId)) {
            JsonNode one = replacement.body().get("extendedServiceAvailability").get(0);
            assertThat(one.get("serviceId").asString()).isEqualTo("dinner");
            String day = Instant.parse(one.get("startTimeRestrict").asString())
                    .atZone(GoogleFixture.BERLIN)
                    .toLocalDate()
                    .toString();
            assertThat(byDay.put(day, one)).as("%s replaced once", day).isNull();
        }
        assertThat(byDay).hasSize(30);
        assertThat(byDay.get(closed.toString()).get("availability"))
                .as("the blocked day has nothing left")
                .isEmpty();
        assertThat(byDay.get(closed.plusDays(1).toString()).get("availability"))
                .as("the next day is as it was")
                .isNotEmpty();
    }

    @Test
    void googlesOwnCancellationIsNotAnnouncedBackButItsDayIsReplaced() {
        GoogleFixture venue = new GoogleFixture(api);
        String bookingId = book(venue, GoogleFixture.startSec(5, "20:00"));
        TestApi.expect(
                venue.call("UpdateBooking", fields("booking", fields("booking_id", bookingId, "status", "CANCELED"))),
                200);

        List<JsonNode> log = settledUpdates(venue);
        assertThat(log).allMatch(u -> u.get("kind").asString().equals("availability"));
        assertThat(notificationsOf(bookingId)).isEmpty();
        assertThat(replacementsOf(venue.merchantId)).isNotEmpty();
    }

    @Test
    void aRefusedNotificationIsRetriedAndTheLogSaysSo() {
        GoogleFixture venue = new GoogleFixture(api);
        String bookingId = book(venue, GoogleFixture.startSec(6, "18:00"));
        FAILING.put(bookingId, new AtomicInteger(2));

        TestApi.expect(
                api.patch(venue.tenant.adminKey(), "/reservations/" + bookingId, fields("status", "cancelled")), 200);

        List<JsonNode> log = settledUpdates(venue);
        JsonNode booking = log.stream()
                .filter(u -> u.get("kind").asString().equals("booking"))
                .findFirst()
                .orElseThrow();
        assertThat(booking.get("status").asString()).isEqualTo("succeeded");
        assertThat(booking.get("attempts").asInt()).isEqualTo(3);
        assertThat(notificationsOf(bookingId)).as("two refused, one accepted").hasSize(3);

        // The platform's status also shows the requests Google made, newest first.
        Response status = api.get(TestApi.PLATFORM_KEY, "/google-integration/status");
        TestApi.expect(status, 200);
        assertThat(status.body().get("real_time_updates_enabled").asBoolean()).isTrue();
        JsonNode requests = status.body().get("recent_requests");
        assertThat(requests.get(0).get("method").asString()).isEqualTo("CreateBooking");
        assertThat(requests.get(0).get("outcome").asString()).isEqualTo("ok");
        assertThat(requests.get(0).get("http_status").asInt()).isEqualTo(200);
        assertThat(api.get(venue.tenant.adminKey(), "/google-integration/status")
                        .body()
                        .has("recent_requests"))
                .as("an organization's admins do not see other merchants' requests")
                .isFalse();
        assertThat(api.get(api.newKey(venue.tenant, "staff"), "/google-integration/status")
                        .status())
                .isEqualTo(403);
    }

    // ---- the stand-in for Google ------------------------------------------------------------------------------

    private static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/token", GoogleRealTimeUpdatesIntegrationTests::token);
            server.createContext("/v1alpha", GoogleRealTimeUpdatesIntegrationTests::api);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The OAuth 2 JWT bearer grant: the assertion must be signed with the service account's key. */
    private static void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        String assertion = fields.getOrDefault("assertion", "");
        String[] parts = assertion.split("\\.");
        boolean valid = fields.get("grant_type") != null
                && fields.get("grant_type").equals("urn:ietf:params:oauth:grant-type:jwt-bearer")
                && parts.length == 3
                && verifies(parts)
                && JSON.readTree(Base64.getUrlDecoder().decode(parts[1]))
                        .get("scope")
                        .asString()
                        .contains(MapsBookingClient.SCOPE);
        if (!valid) {
            REFUSED.add("token: " + form);
            respond(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        TOKENS.incrementAndGet();
        respond(exchange, 200, "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
    }

    private static boolean verifies(String[] jwt) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(ACCOUNT_KEY.getPublic());
            signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(jwt[2]));
        } catch (Exception e) {
            return false;
        }
    }

    private static void api(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            REFUSED.add("no bearer token: " + path);
            respond(exchange, 401, "{}");
            return;
        }
        JsonNode body = JSON.readTree(text);
        String snake = snakeCaseField(body);
        if (snake != null) {
            REFUSED.add("not camelCase: " + snake + " in " + path);
            respond(exchange, 400, "{}");
            return;
        }
        RECEIVED.add(new Received(exchange.getRequestMethod(), path, body));
        String bookingId = path.substring(path.lastIndexOf('/') + 1);
        AtomicInteger failures = FAILING.get(bookingId);
        if (failures != null && failures.getAndDecrement() > 0) {
            respond(exchange, 503, "{\"error\":{\"code\":503,\"message\":\"try again\"}}");
            return;
        }
        respond(exchange, 200, path.contains("/notification/") ? text : "{}");
    }

    private static String snakeCaseField(JsonNode node) {
        if (node.isObject()) {
            for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
                String name = names.next();
                if (name.contains("_")) {
                    return name;
                }
                String inner = snakeCaseField(node.get(name));
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String inner = snakeCaseField(item);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

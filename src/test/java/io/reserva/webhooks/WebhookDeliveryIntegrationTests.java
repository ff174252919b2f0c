package io.reserva.webhooks;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import io.reserva.support.WebhookReceiver;
import io.reserva.support.WebhookReceiver.Answer;
import io.reserva.support.WebhookReceiver.Arrival;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Webhooks end to end: the API registers endpoints, changes happen, a receiver on loopback verifies. */
@IntegrationTest
class WebhookDeliveryIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final LocalDate DAY = LocalDate.of(2027, 9, 6);

    @LocalServerPort
    int port;

    @Autowired
    AddressGuard guard;

    TestApi api;
    Tenant tenant;
    String key;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        guard.allowPrivateNetworks(true);
    }

    @Test
    void aReservationsLifeReachesTheReceiverSignedInTheDocumentedEvents() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/hooks"), null);
        String secret = endpoint.get("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(endpoint.body().get("event_types")).isEmpty();
        assertThat(api.get(key, "/webhook-endpoints/" + endpoint.get("id"))
                        .body()
                        .has("secret"))
                .as("the secret is shown once")
                .isFalse();

        String service = restaurant();
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        start(18),
                        "contact",
                        fields("first_name", "Ana", "email", "ana-" + UUID.randomUUID() + "@example.com")));
        TestApi.expect(booked, 201);
        String id = booked.get("id");
        TestApi.expect(api.patch(key, "/reservations/" + id, fields("customer_notes", "Window, please")), 200);
        TestApi.expect(api.patch(key, "/reservations/" + id, fields("status", "seated")), 200);
        Response completed = api.patch(key, "/reservations/" + id, fields("status", "completed"));
        TestApi.expect(completed, 200);

        List<String> expected = List.of(
                "contact.created",
                "reservation.created",
                "reservation.confirmed",
                "reservation.resources_assigned",
                "reservation.updated",
                "reservation.updated",
                "reservation.seated",
                "reservation.updated",
                "reservation.completed",
                "contact.updated");
        List<Arrival> arrivals = receiver.await(expected.size(), a -> true, WAIT);
        for (Arrival arrival : arrivals) {
            arrival.verify(secret); // the official library, or an exception
            assertThat(arrival.header("content-type")).isEqualTo("application/json");
        }
        assertThat(arrivals.stream().map(Arrival::type).sorted().toList())
                .isEqualTo(expected.stream().sorted().toList());

        // The payload is {type, timestamp, data, changed_fields?}, data exactly what the API answered.
        Arrival confirmedCompletion = arrivals.stream()
                .filter(a -> a.type().equals("reservation.completed"))
                .findFirst()
                .orElseThrow();
        JsonNode payload = confirmedCompletion.json();
        assertThat(payload.get("data")).isEqualTo(completed.body());
        assertThat(Instant.parse(payload.get("timestamp").asString())).isNotNull();
        assertThat(payload.has("changed_fields")).isFalse();
        JsonNode notes = arrivals.stream()
                .map(Arrival::json)
                .filter(json -> json.get("type").asString().equals("reservation.updated")
                        && json.get("changed_fields").toString().contains("customer_notes"))
                .findFirst()
                .orElseThrow();
        assertThat(notes.get("changed_fields").toString()).isEqualTo("[\"customer_notes\"]");
        assertThat(notes.get("data").get("customer_notes").asString()).isEqualTo("Window, please");

        // The webhook-id is the event's id, and /events lists the same events for pollers.
        Response events = api.get(key, "/events?$limit=50");
        TestApi.expect(events, 200);
        List<String> eventIds = new ArrayList<>();
        events.body().get("data").forEach(e -> eventIds.add(e.get("id").asString()));
        assertThat(eventIds)
                .containsExactlyInAnyOrderElementsOf(
                        arrivals.stream().map(Arrival::id).toList());
        Response one = api.get(key, "/events/" + confirmedCompletion.id());
        assertThat(one.get("type")).isEqualTo("reservation.completed");
        assertThat(one.body().get("data")).isEqualTo(completed.body());

        // Every delivery is recorded as succeeded with one attempt.
        awaitTrue(() -> api.get(key, "/webhook-deliveries?status=succeeded&$limit=0")
                        .body()
                        .get("total")
                        .asInt()
                == expected.size());
        Response log = api.get(key, "/webhook-deliveries?event_type=reservation.completed");
        JsonNode delivery = log.body().get("data").get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.get("attempt_log").get(0).get("status_code").asInt())
                .isEqualTo(204);
        assertThat(delivery.get("next_attempt_at").isNull()).isTrue();
    }

    @Test
    void eventTypesFilterWhatAnEndpointReceivesAndEventsCanBeFilteredByTypeAndTime() throws Exception {
        createEndpoint(receiver.url("/contacts-only"), List.of("contact.updated"));
        Instant before = Instant.now().minusSeconds(1);
        String contact = contact("Bea");
        TestApi.expect(api.patch(key, "/contacts/" + contact, fields("notes", "Allergic to nuts")), 200);

        List<Arrival> arrivals = receiver.await(1, a -> true, WAIT);
        // Deliveries are queued in the change's own transaction: the filtered-out contact.created never got one.
        assertThat(deliveryCount()).isEqualTo(1);
        assertThat(receiver.arrivals()).hasSize(1);
        assertThat(arrivals.get(0).type()).isEqualTo("contact.updated");
        assertThat(arrivals.get(0).json().get("changed_fields").toString()).isEqualTo("[\"notes\"]");

        Response updates = api.get(key, "/events?type=contact.updated&created_at[$gte]=" + before);
        assertThat(updates.body().get("total").asInt()).isEqualTo(1);
        Response all = api.get(key, "/events?type[$in]=contact.created,contact.updated&$sort[created_at]=-1");
        assertThat(all.body().get("total").asInt()).isEqualTo(2);
        assertThat(all.body().get("data").get(0).get("type").asString()).isEqualTo("contact.updated");

        // Keyset pages for pollers, as on /contacts.
        Response first = api.get(key, "/events?$cursor=*&$limit=1");
        assertThat(first.body().get("data")).hasSize(1);
        Response second = api.get(
                key, "/events?$cursor=" + first.body().get("next_cursor").asString() + "&$limit=1");
        assertThat(second.body().get("data").get(0).get("type").asString()).isEqualTo("contact.updated");
    }

    @Test
    void aReceiverThatFailsIsRetriedWithBackoffUntilItSucceeds() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/flaky"), null);
        receiver.then(Answer.of(500), Answer.of(502));
        contact("Carla");

        List<Arrival> arrivals = receiver.await(3, a -> true, WAIT);
        assertThat(arrivals)
                .extracting(Arrival::id)
                .containsOnly(arrivals.get(0).id());
        assertThat(arrivals.get(2).verifies(endpoint.get("secret"))).isTrue();
        long firstGap = arrivals.get(1).nanos() - arrivals.get(0).nanos();
        long secondGap = arrivals.get(2).nanos() - arrivals.get(1).nanos();
        assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(Duration.ofMillis(150)); // 0.2 s ± 20%
        assertThat(Duration.ofNanos(secondGap)).isGreaterThanOrEqualTo(Duration.ofMillis(300)); // doubled

        JsonNode delivery = awaitDelivery(d -> d.get("status").asString().equals("succeeded"));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        List<Integer> codes = new ArrayList<>();
        delivery.get("attempt_log").forEach(a -> codes.add(a.get("status_code").asInt()));
        assertThat(codes).containsExactly(500, 502, 204);
        assertThat(delivery.get("attempt_log").get(0).get("error").asString()).isEqualTo("HTTP 500");
        assertThat(delivery.get("attempt_log").get(0).get("next_attempt_at").isNull())
                .isFalse();
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        createEndpoint(receiver.url("/busy"), null);
        receiver.then(new Answer(429, Map.of("Retry-After", "2"), 0));
        contact("Dora");

        List<Arrival> arrivals = receiver.await(2, a -> true, WAIT);
        assertThat(Duration.ofNanos(arrivals.get(1).nanos() - arrivals.get(0).nanos()))
                .as("the computed backoff would be 0.2 s; the receiver asked for 2 s")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void goneDisablesTheEndpointAndGivesUpItsDeliveries() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/gone"), null);
        receiver.otherwise(Answer.of(410));
        contact("Eva");

        receiver.await(1, a -> true, WAIT);
        awaitTrue(() -> !api.get(key, "/webhook-endpoints/" + endpoint.get("id"))
                .body()
                .get("is_active")
                .asBoolean());
        JsonNode disabled =
                api.get(key, "/webhook-endpoints/" + endpoint.get("id")).body();
        assertThat(disabled.get("disabled_reason").asString()).contains("410");
        JsonNode delivery = awaitDelivery(d -> d.get("status").asString().equals("failed"));
        assertThat(delivery.get("last_status_code").asInt()).isEqualTo(410);

        contact("Fay");
        // Deliveries are queued in the change's own transaction: a disabled endpoint gets none to send.
        assertThat(deliveryCount()).as("nothing more is queued for it").isEqualTo(1);
        assertThat(receiver.arrivals()).as("nothing more is sent to it").hasSize(1);
        assertThat(api.post(key, "/webhook-endpoints/" + endpoint.get("id") + "/test", fields())
                        .code())
                .isEqualTo("conflict");

        // Turned on again, it can be tested and catch up on what failed.
        receiver.otherwise(Answer.of(200));
        TestApi.expect(api.patch(key, "/webhook-endpoints/" + endpoint.get("id"), fields("is_active", true)), 200);
        assertThat(api.get(key, "/webhook-endpoints/" + endpoint.get("id"))
                        .body()
                        .get("disabled_reason")
                        .isNull())
                .isTrue();
        Response redelivered = api.post(
                key,
                "/webhook-endpoints/" + endpoint.get("id") + "/redeliver-failed",
                fields("since", Instant.now().minusSeconds(60).toString()));
        TestApi.expect(redelivered, 202);
        assertThat(redelivered.body().get("redelivered").asInt()).isEqualTo(1);
        receiver.await(2, a -> true, WAIT);
    }

    @Test
    void aSlowReceiverHoldsOnlyItsOwnShareOfTheWorkers() throws Exception {
        try (WebhookReceiver slow = new WebhookReceiver()) {
            slow.otherwise(new Answer(200, Map.of(), 1_500));
            createEndpoint(slow.url("/slow"), null);
            createEndpoint(receiver.url("/fast"), null);
            int events = 40;
            for (int i = 0; i < events; i++) {
                contact("Guest" + i);
            }
            long started = System.nanoTime();
            receiver.await(events, a -> true, WAIT);
            Duration fast = Duration.ofNanos(System.nanoTime() - started);
            assertThat(slow.arrivals().size())
                    .as("the slow receiver is still busy when the fast one has everything")
                    .isLessThan(events);
            assertThat(fast).isLessThan(Duration.ofSeconds(5));
            slow.await(events, a -> true, Duration.ofSeconds(30));
            assertThat(slow.mostAtOnce())
                    .as("at most 16 attempts at once to one endpoint")
                    .isLessThanOrEqualTo(16)
                    .isGreaterThan(1);
        }
    }

    @Test
    void timeoutsRedirectsAndRefusedConnectionsAreFailedAttemptsThatAreRetried() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/odd"), null);
        // The test configuration times attempts out after 3 s.
        receiver.then(new Answer(200, Map.of(), 3_500), new Answer(301, Map.of("Location", "http://127.0.0.1:1/"), 0));
        contact("Jo");
        receiver.await(3, a -> true, WAIT);
        JsonNode delivery = awaitDelivery(d -> d.get("status").asString().equals("succeeded"));
        List<String> errors = new ArrayList<>();
        delivery.get("attempt_log")
                .forEach(a -> errors.add(
                        a.get("error").isNull() ? "ok" : a.get("error").asString()));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0)).startsWith("timed out");
        assertThat(errors.get(1)).isEqualTo("HTTP 301 (redirects are not followed)");
        assertThat(errors.get(2)).isEqualTo("ok");
        assertThat(delivery.get("attempt_log").get(0).get("duration_ms").asInt())
                .isGreaterThanOrEqualTo(2_900);

        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestApi.expect(
                api.patch(
                        key,
                        "/webhook-endpoints/" + endpoint.get("id"),
                        fields("url", "http://127.0.0.1:" + closedPort + "/")),
                200);
        contact("Kai");
        JsonNode refused = awaitDelivery(d -> d.get("status").asString().equals("pending")
                && d.get("attempts").asInt() >= 1
                && !d.get("attempt_log").isEmpty());
        assertThat(refused.get("attempt_log").get(0).get("error").asString()).startsWith("could not connect");
        assertThat(refused.get("attempt_log").get(0).get("status_code").isNull())
                .isTrue();
        assertThat(refused.get("next_attempt_at").isNull()).isFalse();
        TestApi.expect(api.patch(key, "/webhook-endpoints/" + endpoint.get("id"), fields("is_active", false)), 200);
        JsonNode givenUp = api.get(
                        key, "/webhook-deliveries/" + refused.get("id").asString())
                .body();
        assertThat(givenUp.get("status").asString()).isEqualTo("failed");
        assertThat(givenUp.get("last_error").asString()).isEqualTo("endpoint deactivated");
        assertThat(api.post(key, "/webhook-deliveries/" + refused.get("id").asString() + "/redeliver", fields())
                        .code())
                .as("an inactive endpoint is not sent to")
                .isEqualTo("conflict");
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneForADay() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/rotating"), null);
        String oldSecret = endpoint.get("secret");
        Response rotated = api.post(key, "/webhook-endpoints/" + endpoint.get("id") + "/rotate-secret", fields());
        TestApi.expect(rotated, 200);
        String newSecret = rotated.get("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
        assertThat(Instant.parse(rotated.get("previous_secret_expires_at")))
                .isAfter(Instant.now().plus(Duration.ofHours(23)));

        contact("Gil");
        Arrival arrival = receiver.await(1, a -> true, WAIT).get(0);
        assertThat(arrival.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(arrival.verifies(newSecret)).isTrue();
        assertThat(arrival.verifies(oldSecret)).isTrue();
        assertThat(arrival.verifies("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                .as("the library does refuse a wrong secret")
                .isFalse();
    }

    @Test
    void aTestEventAndARedeliveryReachTheEndpoint() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/test"), List.of("reservation.confirmed"));
        Response test = api.post(key, "/webhook-endpoints/" + endpoint.get("id") + "/test", fields());
        TestApi.expect(test, 202);
        assertThat(test.get("event_type")).isEqualTo("webhook.test");
        Arrival arrival = receiver.await(1, a -> true, WAIT).get(0);
        arrival.verify(endpoint.get("secret"));
        assertThat(arrival.type()).isEqualTo("webhook.test");
        assertThat(arrival.json().get("data").get("endpoint_id").asString()).isEqualTo(endpoint.get("id"));

        awaitTrue(() -> api.get(key, "/webhook-deliveries/" + test.get("id"))
                .get("status")
                .equals("succeeded"));
        Response again = api.post(key, "/webhook-deliveries/" + test.get("id") + "/redeliver", fields());
        TestApi.expect(again, 202);
        assertThat(again.get("redelivery_of")).isEqualTo(test.get("id"));
        List<Arrival> both = receiver.await(2, a -> true, WAIT);
        assertThat(both.get(1).id())
                .as("the same event, the same webhook-id")
                .isEqualTo(both.get(0).id());
        both.get(1).verify(endpoint.get("secret"));
    }

    @Test
    void urlsThatAreNotPublicHttpAreRefusedWhenRegistered() {
        guard.allowPrivateNetworks(false);
        for (String url : List.of(
                "http://127.0.0.1:8080/x",
                "http://localhost/x",
                "http://10.1.2.3/x",
                "http://172.20.0.1/x",
                "http://192.168.1.1/x",
                "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/x",
                "http://[::1]/x",
                "http://[fd00:ec2::254]/x",
                "http://[fe80::1]/x",
                "http://[::ffff:127.0.0.1]/x",
                "http://0.0.0.0/x")) {
            Response refused = api.post(key, "/webhook-endpoints", fields("url", url));
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("url");
        }
        for (String url : List.of(
                "ftp://example.com/x",
                "not a url",
                "https://user:pw@example.com/x",
                "",
                "https://example.com:99999/x",
                "http://0x7f.1/x",
                "http://2130706433/x",
                "http://127.1/x",
                "http://0177.0.0.1/x")) {
            Response refused = api.post(key, "/webhook-endpoints", fields("url", url));
            assertThat(refused.status()).as(url).isEqualTo(422);
            assertThat(refused.body().get("errors").get(0).get("field").asString())
                    .isEqualTo("url");
        }
        assertThat(api.get(key, "/webhook-endpoints").body().get("total").asInt())
                .as("nothing was created")
                .isZero();
    }

    @Test
    void aTargetThatTurnsOutInternalIsRefusedAtDeliveryWithoutConnecting() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/internal"), null);
        guard.allowPrivateNetworks(false);
        contact("Hana");

        JsonNode delivery = awaitDelivery(
                d -> d.get("attempts").asInt() >= 1 && !d.get("attempt_log").isEmpty());
        JsonNode attempt = delivery.get("attempt_log").get(0);
        assertThat(attempt.get("error").asString()).contains("refused").contains("127.0.0.1");
        assertThat(attempt.get("status_code").isNull()).isTrue();
        assertThat(receiver.arrivals()).as("no connection was made").isEmpty();
        assertThat(delivery.get("status").asString()).isEqualTo("pending");
        assertThat(endpoint.get("id")).isEqualTo(delivery.get("endpoint_id").asString());
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndChangeNothing() {
        Response unknownType = api.post(
                key, "/webhook-endpoints", fields("url", receiver.url("/x"), "event_types", List.of("order.paid")));
        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(unknownType.body().get("errors").get(0).get("field").asString())
                .isEqualTo("event_types[0]");
        Response longDescription =
                api.post(key, "/webhook-endpoints", fields("url", receiver.url("/x"), "description", "x".repeat(501)));
        assertThat(longDescription.status()).isEqualTo(422);
        Response unknownField = api.post(key, "/webhook-endpoints", fields("url", receiver.url("/x"), "colour", "red"));
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(unknownField.body().get("errors").get(0).get("field").asString())
                .isEqualTo("colour");
        assertThat(api.get(key, "/webhook-endpoints").body().get("total").asInt())
                .isZero();

        Response endpoint = createEndpoint(receiver.url("/x"), null);
        String path = "/webhook-endpoints/" + endpoint.get("id");
        assertThat(api.patch(key, path, fields("url", "ftp://example.com")).status())
                .isEqualTo(422);
        assertThat(api.patch(key, path, fields("is_active", null)).status()).isEqualTo(422);
        assertThat(api.get(key, path).get("url")).isEqualTo(receiver.url("/x"));
        assertThat(api.post(key, path + "/redeliver-failed", fields()).status()).isEqualTo(422);

        assertThat(api.get(key, "/events?type=order.paid").status()).isEqualTo(400);
        assertThat(api.get(key, "/webhook-deliveries?status=lost").status()).isEqualTo(400);
        assertThat(api.get(key, "/events/not-a-uuid").status()).isEqualTo(400);

        String staff = api.newKey(tenant, "staff");
        assertThat(api.post(staff, "/webhook-endpoints", fields("url", receiver.url("/y")))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(staff, path + "/rotate-secret", fields()).status()).isEqualTo(403);
        assertThat(api.get(staff, path).status()).as("staff may read").isEqualTo(200);
        String readOnly = api.newKey(tenant, "read_only");
        assertThat(api.delete(readOnly, path).status()).isEqualTo(403);
        assertThat(api.get(readOnly, "/events").status()).isEqualTo(200);
    }

    @Test
    void anotherOrganizationsEndpointsDeliveriesAndEventsAreNotFound() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/mine"), null);
        Response test = api.post(key, "/webhook-endpoints/" + endpoint.get("id") + "/test", fields());
        Arrival arrival = receiver.await(1, a -> true, WAIT).get(0);

        Tenant other = api.newTenant();
        String theirs = other.adminKey();
        String path = "/webhook-endpoints/" + endpoint.get("id");
        assertThat(api.get(theirs, path).status()).isEqualTo(404);
        assertThat(api.patch(theirs, path, fields("description", "mine now")).status())
                .isEqualTo(404);
        assertThat(api.delete(theirs, path).status()).isEqualTo(404);
        assertThat(api.post(theirs, path + "/rotate-secret", fields()).status()).isEqualTo(404);
        assertThat(api.post(theirs, path + "/test", fields()).status()).isEqualTo(404);
        assertThat(api.post(theirs, path + "/redeliver-failed", fields("since", "2020-01-01T00:00:00Z"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get(theirs, "/webhook-deliveries/" + test.get("id")).status())
                .isEqualTo(404);
        assertThat(api.post(theirs, "/webhook-deliveries/" + test.get("id") + "/redeliver", fields())
                        .status())
                .isEqualTo(404);
        assertThat(api.get(theirs, "/events/" + arrival.id()).status()).isEqualTo(404);
        assertThat(api.get(theirs, "/events").body().get("total").asInt()).isZero();
        assertThat(api.get(theirs, "/webhook-endpoints").body().get("total").asInt())
                .isZero();
        assertThat(api.get(theirs, "/webhook-deliveries").body().get("total").asInt())
                .isZero();
        assertThat(api.get(theirs, "/events?organization_id=" + tenant.id()).status())
                .isEqualTo(404);

        // The platform key names the organization.
        assertThat(api.get(TestApi.PLATFORM_KEY, "/webhook-endpoints?organization_id=" + tenant.id())
                        .body()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get(TestApi.PLATFORM_KEY, path).status()).isEqualTo(200);
    }

    @Test
    void deletingAnEndpointStopsItsDeliveries() throws Exception {
        Response endpoint = createEndpoint(receiver.url("/bye"), null);
        Response deleted = api.delete(key, "/webhook-endpoints/" + endpoint.get("id"));
        TestApi.expect(deleted, 200);
        assertThat(deleted.get("id")).isEqualTo(endpoint.get("id"));
        contact("Ida");
        // Deliveries are queued in the change's own transaction: a deleted endpoint gets none to send.
        assertThat(deliveryCount()).isZero();
        assertThat(receiver.arrivals()).isEmpty();
        assertThat(api.get(key, "/webhook-endpoints/" + endpoint.get("id")).status())
                .isEqualTo(404);
    }

    @Test
    void theNewEndpointsAreDocumentedWithExamples() {
        Response openapi = api.get(null, "/openapi.json");
        JsonNode paths = openapi.body().get("paths");
        for (String path : List.of(
                "/events",
                "/events/{id}",
                "/webhook-endpoints",
                "/webhook-endpoints/{id}",
                "/webhook-endpoints/{id}/rotate-secret",
                "/webhook-endpoints/{id}/test",
                "/webhook-endpoints/{id}/redeliver-failed",
                "/webhook-deliveries",
                "/webhook-deliveries/{id}",
                "/webhook-deliveries/{id}/redeliver")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode schemas = openapi.body().get("components").get("schemas");
        assertThat(schemas.get("WebhookEndpoint")
                        .get("properties")
                        .get("url")
                        .get("example")
                        .asString())
                .startsWith("https://");
        assertThat(schemas.get("Event")
                        .get("properties")
                        .get("type")
                        .get("example")
                        .asString())
                .isEqualTo("reservation.confirmed");
    }

    private Response createEndpoint(String url, List<String> types) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("url", url);
        body.put("description", "Test receiver");
        if (types != null) {
            body.put("event_types", types);
        }
        Response created = api.post(key, "/webhook-endpoints", body);
        TestApi.expect(created, 201);
        return created;
    }

    private String contact(String name) {
        Response created = api.post(
                key, "/contacts", fields("first_name", name, "email", name + "-" + UUID.randomUUID() + "@example.com"));
        TestApi.expect(created, 201);
        return created.get("id");
    }

    private String restaurant() {
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String dinner = catalog.service(fields("name", "Dinner", "duration_minutes", 90));
        String table = catalog.resource("Table 1", "table", 4);
        catalog.link(dinner, table, "required");
        catalog.everyDay(table, "18:00", "23:00");
        return dinner;
    }

    private static String start(int hour) {
        return DAY.atTime(LocalTime.of(hour, 0))
                .atZone(ZoneId.of("Europe/Berlin"))
                .toInstant()
                .toString();
    }

    private JsonNode awaitDelivery(java.util.function.Predicate<JsonNode> condition) {
        return Awaitility.await("a delivery that matches")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            for (JsonNode delivery :
                                    api.get(key, "/webhook-deliveries").body().get("data")) {
                                if (condition.test(delivery)) {
                                    return delivery;
                                }
                            }
                            return null;
                        },
                        java.util.Objects::nonNull);
    }

    private static void awaitTrue(Supplier<Boolean> condition) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(condition::get);
    }

    /** Every delivery queued for this test's organization, whatever its state. */
    private int deliveryCount() {
        return api.get(key, "/webhook-deliveries?$limit=0").body().get("total").asInt();
    }
}

package io.reserva.live;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP contract of GET /events/stream: what arrives, to whom, after a reconnect, and when it ends. */
@IntegrationTest
class LiveStreamIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "violet tram under 7 lanterns";
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
    }

    @Test
    void aReservationBookedThroughTheApiArrivesOnTheOrganizationsStreamAndNeverOnAnothers() {
        Tenant other = api.newTenant();
        String service = salon(tenant.adminKey());
        String readOnly = api.newKey(tenant, "read_only");
        try (SseReader mine = SseReader.open(api.base(), "/events/stream", readOnly);
                SseReader filtered = SseReader.open(api.base(), "/events/stream?types=reservation.*", readOnly);
                SseReader theirs = SseReader.open(api.base(), "/events/stream", other.adminKey())) {
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.contentType()).startsWith("text/event-stream");

            Response booked = api.post(
                    tenant.adminKey(),
                    "/reservations",
                    fields(
                            "service_id",
                            service,
                            "party_size",
                            2,
                            "start_datetime",
                            start(),
                            "contact",
                            fields("first_name", "Ola", "email", "ola-" + UUID.randomUUID() + "@example.com")));
            TestApi.expect(booked, 201);

            Awaitility.await().atMost(WITHIN).until(() -> names(mine).contains("reservation.resources_assigned"));
            SseReader.Message created = mine.events().stream()
                    .filter(m -> m.event().equals("reservation.created"))
                    .findFirst()
                    .orElseThrow();
            JsonNode body = JSON.readTree(created.data());
            assertThat(body.get("type").asString()).isEqualTo("reservation.created");
            assertThat(body.get("data").get("id").asString()).isEqualTo(booked.get("id"));
            assertThat(body.get("data").get("party_size").asInt()).isEqualTo(2);
            // The id is the event's: GET /events/{id} shows the same event.
            Response event = api.get(tenant.adminKey(), "/events/" + created.id());
            assertThat(event.get("type")).isEqualTo("reservation.created");
            assertThat(names(mine))
                    .containsSubsequence("contact.created", "reservation.created", "reservation.confirmed");

            Awaitility.await().atMost(WITHIN).until(() -> names(filtered).contains("reservation.resources_assigned"));
            assertThat(names(filtered)).allMatch(name -> name.startsWith("reservation."));

            // The other organization's stream saw nothing of it: its own next change arrives alone.
            TestApi.expect(api.post(other.adminKey(), "/contacts", fields("first_name", "Theirs")), 201);
            Awaitility.await().atMost(WITHIN).until(() -> !theirs.events().isEmpty());
            assertThat(names(theirs)).containsExactly("contact.created");
            assertThat(mine.events()).noneMatch(m -> m.data().contains("Theirs"));
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsExactlyTheMissedEventsInOrderThenLiveOnes() {
        String key = tenant.adminKey();
        String lastSeen;
        try (SseReader first = SseReader.open(api.base(), "/events/stream", key)) {
            contact(key, "Before");
            Awaitility.await().atMost(WITHIN).until(() -> first.events().size() == 1);
            lastSeen = first.events().get(0).id();
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(contact(key, "Missed " + i));
        }
        List<String> missedEvents = api.get(key, "/events?type=contact.created&$limit=100")
                .body()
                .get("data")
                .valueStream()
                .filter(e -> missed.contains(e.get("data").get("id").asString()))
                .map(e -> e.get("id").asString())
                .toList();
        assertThat(missedEvents).hasSize(3);

        try (SseReader resumed = SseReader.open(
                api.base(), "/events/stream", Map.of("Authorization", "Bearer " + key, "Last-Event-ID", lastSeen))) {
            Awaitility.await().atMost(WITHIN).until(() -> resumed.events().size() == 3);
            String after = contact(key, "After");
            Awaitility.await().atMost(WITHIN).until(() -> resumed.events().size() == 4);
            List<SseReader.Message> events = resumed.events();
            assertThat(events.subList(0, 3)).extracting(SseReader.Message::id).containsExactlyElementsOf(missedEvents);
            assertThat(events.subList(0, 3))
                    .extracting(
                            m -> JSON.readTree(m.data()).get("data").get("id").asString())
                    .containsExactlyElementsOf(missed);
            assertThat(JSON.readTree(events.get(3).data()).get("data").get("id").asString())
                    .isEqualTo(after);
            // Nothing twice: a fifth message would be a duplicate.
            Awaitility.await()
                    .during(Duration.ofMillis(1500))
                    .atMost(WITHIN)
                    .until(() -> resumed.events().size() == 4);
        }
    }

    @Test
    void aLastEventIdThatIsNotKeptAsksTheClientToReloadAndTheStreamGoesOnLive() {
        String key = tenant.adminKey();
        try (SseReader resumed = SseReader.open(
                api.base(),
                "/events/stream",
                Map.of(
                        "Authorization",
                        "Bearer " + key,
                        "Last-Event-ID",
                        UUID.randomUUID().toString()))) {
            Awaitility.await()
                    .atMost(WITHIN)
                    .until(() -> resumed.messages().stream().anyMatch(m -> "reset".equals(m.event())));
            contact(key, "Live");
            Awaitility.await().atMost(WITHIN).until(() -> names(resumed).contains("contact.created"));
        }
    }

    @Test
    void signingOutEndsTheStreamOfThatSession() {
        String email = "live-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/users",
                        fields("email", email, "name", "Marta Ruiz", "role", "read_only", "password", PASSWORD)),
                201);
        Response signedIn = api.send(
                null, "POST", "/sessions", TestApi.json(fields("email", email, "password", PASSWORD)), Map.of());
        TestApi.expect(signedIn, 201);
        String cookie = signedIn.header("Set-Cookie").split(";", 2)[0];

        try (SseReader stream = SseReader.open(api.base(), "/events/stream", Map.of("Cookie", cookie))) {
            assertThat(stream.status()).isEqualTo(200);
            contact(tenant.adminKey(), "Seen by the session");
            Awaitility.await().atMost(WITHIN).until(() -> names(stream).contains("contact.created"));

            TestApi.expect(
                    api.send(
                            null,
                            "DELETE",
                            "/sessions/current",
                            null,
                            Map.of("Cookie", cookie, "X-CSRF-Token", signedIn.get("csrf_token"))),
                    204);
            Awaitility.await().atMost(WITHIN).until(stream::ended);
        }
        // And the ended session cannot open another.
        Response again = api.send(null, "GET", "/events/stream", null, Map.of("Cookie", cookie));
        assertThat(again.status()).isEqualTo(401);
    }

    @Test
    void revokingTheKeyEndsItsStream() {
        Response issued = api.post(tenant.adminKey(), "/api-keys", Map.of("name", "Screen", "role", "read_only"));
        TestApi.expect(issued, 201);
        try (SseReader stream = SseReader.open(api.base(), "/events/stream", issued.get("secret"))) {
            assertThat(stream.status()).isEqualTo(200);
            TestApi.expect(api.delete(tenant.adminKey(), "/api-keys/" + issued.get("id")), 200);
            Awaitility.await().atMost(WITHIN).until(stream::ended);
        }
    }

    @Test
    void badRequestsAreProblemsAndNeverStreams() {
        Response anonymous = api.get(null, "/events/stream");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("unauthorized");

        Response platform = api.get(TestApi.PLATFORM_KEY, "/events/stream");
        assertThat(platform.status()).isEqualTo(422);
        assertThat(platform.text()).contains("organization_id");

        Response typo = api.get(tenant.adminKey(), "/events/stream?types=reservation.creatd");
        assertThat(typo.status()).isEqualTo(422);
        assertThat(typo.text()).contains("types");

        Response notMine = api.get(tenant.adminKey(), "/events/stream?organization_id=" + UUID.randomUUID());
        assertThat(notMine.status()).isEqualTo(404);
    }

    @Test
    void aPlatformKeyFollowsTheOrganizationItNames() {
        try (SseReader stream =
                SseReader.open(api.base(), "/events/stream?organization_id=" + tenant.id(), TestApi.PLATFORM_KEY)) {
            assertThat(stream.status()).isEqualTo(200);
            contact(tenant.adminKey(), "For the platform");
            Awaitility.await().atMost(WITHIN).until(() -> names(stream).contains("contact.created"));
        }
    }

    private String contact(String key, String name) {
        Response created = api.post(key, "/contacts", fields("first_name", name));
        TestApi.expect(created, 201);
        return created.get("id");
    }

    private static List<String> names(SseReader reader) {
        return reader.events().stream().map(SseReader.Message::event).toList();
    }

    private String salon(String key) {
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String service = catalog.service(fields("name", "Massage", "duration_minutes", 60));
        String room = catalog.resource("Room", "room", null);
        catalog.link(service, room, "required");
        catalog.everyDay(room, "10:00", "12:00");
        return service;
    }

    private static String start() {
        return LocalDate.of(2027, 10, 4)
                .atTime(LocalTime.of(10, 0))
                .atZone(ZoneId.of("Europe/Berlin"))
                .toInstant()
                .toString();
    }
}

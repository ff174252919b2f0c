package io.reserva.live;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.SecondNode;
import io.reserva.support.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two app nodes on one database: a change committed through node B reaches a stream open on node A, and a
 * sign-out through node A ends the session (and its stream) on node B.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the last test shuts node B down
class LiveTwoNodesIntegrationTests {

    static final String PASSWORD = "amber-quarry-violin-58";

    static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    /**
     * Node B is called with a plain client: {@link TestApi} would check the answer against node B's own
     * {@code /openapi.json}, and building that document again costs a second node some 20 s on this machine.
     */
    private static String postContact(String base, String key, String name) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/contacts"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(TestApi.json(fields("first_name", name))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JsonMapper.builder().build().readTree(response.body()).get("id").asString();
    }

    /** Node B: a second application on the test context's database, started once for the class. */
    static int secondNodePort() {
        if (secondNode == null) {
            secondNode = SecondNode.start();
        }
        return SecondNode.port(secondNode);
    }

    private static HttpResponse<String> call(String base, String method, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Issue 11 "sign-out ends the session on both nodes": a session signed in and out through node A is refused by
     * node B on the next request (both read the one sessions table; no node caches a session), and the stream
     * the same cookie holds open on node B closes within the credential check's period (3 s).
     */
    @Test
    @Order(1)
    void signingOutThroughOneNodeEndsTheSessionOnTheOther() throws Exception {
        TestApi nodeA = new TestApi(port);
        String nodeB = "http://localhost:" + secondNodePort();
        TestApi.Tenant tenant = nodeA.newTenant();
        String email = "two-nodes-" + tenant.id().toString().substring(0, 8) + "@example.com";
        TestApi.expect(
                nodeA.post(
                        tenant.adminKey(),
                        "/users",
                        fields("email", email, "name", "Marta Ruiz", "role", "staff", "password", PASSWORD)),
                201);
        TestApi.Response signedIn = nodeA.send(
                null, "POST", "/sessions", TestApi.json(fields("email", email, "password", PASSWORD)), Map.of());
        TestApi.expect(signedIn, 201);
        String cookie = signedIn.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(header -> header.getValue().stream())
                .filter(value -> value.startsWith("reserva_session="))
                .findFirst()
                .orElseThrow()
                .split(";", 2)[0];
        assertThat(call(nodeB, "GET", "/sessions/current", Map.of("Cookie", cookie))
                        .statusCode())
                .as("the session signed in on A works on B")
                .isEqualTo(200);

        try (SseReader streamOnB = SseReader.open(nodeB, "/events/stream", Map.of("Cookie", cookie))) {
            assertThat(streamOnB.status()).isEqualTo(200);
            TestApi.Response out = nodeA.send(
                    null,
                    "DELETE",
                    "/sessions/current",
                    null,
                    Map.of("Cookie", cookie, "X-CSRF-Token", signedIn.get("csrf_token")));
            assertThat(out.status()).isEqualTo(204);

            HttpResponse<String> refused = call(nodeB, "GET", "/contacts", Map.of("Cookie", cookie));
            assertThat(refused.statusCode()).as("refused on B at once").isEqualTo(401);
            assertThat(refused.body()).contains("\"unauthorized\"");
            assertThat(call(nodeB, "GET", "/sessions/current", Map.of("Cookie", cookie))
                            .statusCode())
                    .isEqualTo(401);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(streamOnB::ended);
        }
    }

    @Test
    @Order(2)
    void anEventCommittedOnOneNodeReachesAStreamOnTheOther() throws Exception {
        int secondPort = secondNodePort();
        TestApi nodeA = new TestApi(port);
        String nodeB = "http://localhost:" + secondPort;
        TestApi.Tenant tenant = nodeA.newTenant();

        try (SseReader onA = SseReader.open(nodeA.base(), "/events/stream", tenant.adminKey());
                SseReader onB = SseReader.open(nodeB, "/events/stream", tenant.adminKey())) {
            String created = postContact(nodeB, tenant.adminKey(), "From B");
            TestApi.Response other = nodeA.post(tenant.adminKey(), "/contacts", fields("first_name", "From A"));
            TestApi.expect(other, 201);

            for (SseReader stream : List.of(onA, onB)) {
                Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .until(() -> stream.events().size() == 2);
                assertThat(stream.events())
                        .extracting(SseReader.Message::data)
                        .anySatisfy(data -> assertThat(data).contains(created))
                        .anySatisfy(data -> assertThat(data).contains(other.get("id")));
            }
            // Both nodes hand out the same events in the same order: the feed's order is the database's.
            assertThat(onA.events())
                    .extracting(SseReader.Message::id)
                    .containsExactlyElementsOf(
                            onB.events().stream().map(SseReader.Message::id).toList());

            // Shutting node B down ends its open stream at once instead of holding the graceful shutdown (20 s).
            long closing = System.nanoTime();
            secondNode.close();
            secondNode = null;
            assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(15));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(onB::ended);
            assertThat(onA.ended()).isFalse();
        }
    }
}

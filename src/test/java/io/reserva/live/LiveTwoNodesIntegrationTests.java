package io.reserva.live;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.ReservaApplication;
import io.reserva.support.IntegrationTest;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** Two app nodes on one database: a change committed through node B reaches a stream open on node A. */
@IntegrationTest
class LiveTwoNodesIntegrationTests {

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

    @Test
    void anEventCommittedOnOneNodeReachesAStreamOnTheOther() throws Exception {
        secondNode = new SpringApplicationBuilder(ReservaApplication.class)
                .properties(Map.ofEntries(
                        Map.entry("server.port", "0"),
                        Map.entry("reserva.database.embedded-ephemeral", "true"),
                        Map.entry("reserva.demo", "false"),
                        Map.entry("reserva.bootstrap-admin-key", TestApi.PLATFORM_KEY),
                        Map.entry("reserva.api.rate-limit-per-key", "1000000"),
                        Map.entry("reserva.api.rate-limit-per-ip", "1000000")))
                // Arguments, since application.yaml's own defaults win over default properties. The test context's data
                // directory, so both nodes use one database and one secrets key.
                .run(
                        "--server.port=0",
                        "--reserva.data-dir=" + System.getProperty("java.io.tmpdir") + "/reserva-tests");
        int secondPort =
                ((WebServerApplicationContext) secondNode).getWebServer().getPort();
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

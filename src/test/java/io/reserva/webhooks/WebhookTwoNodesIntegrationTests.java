package io.reserva.webhooks;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.SecondNode;
import io.reserva.support.TestApi;
import io.reserva.support.WebhookReceiver;
import io.reserva.support.WebhookReceiver.Arrival;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one database share the deliveries: each event reaches each endpoint, from exactly one successful
 * attempt, and a second time only after an attempt that was recorded as failed.
 */
@IntegrationTest
class WebhookTwoNodesIntegrationTests {

    static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void twoNodesDeliverEveryEventToEveryEndpointExactlyOnce() throws Exception {
        secondNode = SecondNode.start(
                "--reserva.webhooks.allow-private-networks=true", "--reserva.webhooks.poll-interval=PT0.1S");
        DeliverySender second = secondNode.getBean(DeliverySender.class);
        int secondPort = SecondNode.port(secondNode);
        TestApi nodeA = new TestApi(port);
        TestApi nodeB = new TestApi(secondPort);

        try (WebhookReceiver one = new WebhookReceiver();
                WebhookReceiver two = new WebhookReceiver()) {
            TestApi.Tenant tenant = nodeA.newTenant();
            String key = tenant.adminKey();
            TestApi.Response endpointOne = nodeA.post(key, "/webhook-endpoints", fields("url", one.url("/a")));
            TestApi.expect(endpointOne, 201);
            TestApi.Response endpointTwo = nodeB.post(key, "/webhook-endpoints", fields("url", two.url("/b")));
            TestApi.expect(endpointTwo, 201);

            int contacts = 150;
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < contacts; i++) {
                TestApi api = i % 2 == 0 ? nodeA : nodeB;
                int n = i;
                calls.add(clients.submit(() -> api.post(
                                key,
                                "/contacts",
                                fields(
                                        "first_name",
                                        "Guest " + n,
                                        "email",
                                        "n" + n + "-" + UUID.randomUUID() + "@x.org"))
                        .status()));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(201);
            }
            clients.shutdown();

            for (WebhookReceiver receiver : List.of(one, two)) {
                receiver.await(contacts, a -> true, Duration.ofSeconds(60));
            }
            // Every delivery has ended, and then nothing more arrives for a second.
            Awaitility.await()
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.sql("select count(*) from webhook_deliveries"
                                            + " where organization_id = :org and status <> 'succeeded'")
                                    .param("org", tenant.id())
                                    .query(Integer.class)
                                    .single()
                            == 0);
            int[] arrived = {one.arrivals().size(), two.arrivals().size()};
            Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> one.arrivals().size() == arrived[0]
                            && two.arrivals().size() == arrived[1]);
            for (var endpoint : List.of(Map.entry(one, endpointOne), Map.entry(two, endpointTwo))) {
                List<Arrival> arrivals = endpoint.getKey().arrivals();
                Map<String, Long> perId =
                        arrivals.stream().collect(Collectors.groupingBy(Arrival::id, Collectors.counting()));
                assertThat(perId).hasSize(contacts);
                for (Arrival arrival : arrivals) {
                    arrival.verify(endpoint.getValue().get("secret"));
                }
                // Never twice from one claim: each delivery succeeded exactly once, and an event arrives again only
                // after an attempt the sender recorded as failed (on a busy machine an answer can time out after
                // the receiver has read the request; delivery is at least once).
                Map<String, Attempts> recorded = new java.util.HashMap<>();
                jdbc.sql("""
                                select d.event_id, count(*) as made,
                                       count(*) filter (where a.error is null
                                                          and a.status_code between 200 and 299) as succeeded
                                  from webhook_deliveries d
                                  join webhook_delivery_attempts a on a.delivery_id = d.id
                                 where d.endpoint_id = cast(:endpoint as uuid)
                                 group by d.event_id
                                """).param("endpoint", endpoint.getValue().get("id")).query(rs -> {
                    recorded.put(rs.getString("event_id"), new Attempts(rs.getInt("made"), rs.getInt("succeeded")));
                });
                assertThat(recorded).hasSize(contacts);
                perId.forEach((id, count) -> {
                    assertThat(recorded.get(id).succeeded())
                            .as("successful attempts of %s", id)
                            .isEqualTo(1);
                    assertThat(count)
                            .as("arrivals of %s", id)
                            .isLessThanOrEqualTo(recorded.get(id).made());
                });
            }
            assertThat(second.attemptsMade())
                    .as("the second node took its share")
                    .isPositive();
        }
    }

    private record Attempts(int made, int succeeded) {}
}

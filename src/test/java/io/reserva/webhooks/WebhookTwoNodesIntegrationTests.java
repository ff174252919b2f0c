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

/** Two app nodes on one database share the deliveries: each event reaches each endpoint exactly once. */
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
            String secretOne = endpointOne.get("secret");
            String secretTwo = endpointTwo.get("secret");

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
            // Each receiver has had every event once; a double send would show as more arrivals within a second.
            Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() ->
                            one.arrivals().size() == contacts && two.arrivals().size() == contacts);
            for (var pair : List.of(Map.entry(one, secretOne), Map.entry(two, secretTwo))) {
                List<Arrival> arrivals = pair.getKey().arrivals();
                Map<String, Long> perId =
                        arrivals.stream().collect(Collectors.groupingBy(Arrival::id, Collectors.counting()));
                assertThat(perId).hasSize(contacts);
                assertThat(perId.values()).allMatch(count -> count == 1);
                for (Arrival arrival : arrivals) {
                    arrival.verify(pair.getValue());
                }
            }
            List<Integer> attempts = jdbc.sql("select attempts from webhook_deliveries where organization_id = :org")
                    .param("org", tenant.id())
                    .query(Integer.class)
                    .list();
            assertThat(attempts).hasSize(2 * contacts).allMatch(a -> a == 1);
            assertThat(second.attemptsMade())
                    .as("the second node took its share")
                    .isPositive();
        }
    }
}

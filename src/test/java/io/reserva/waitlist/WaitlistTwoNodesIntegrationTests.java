package io.reserva.waitlist;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.SecondNode;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two app nodes on one database: a freed place is offered to exactly one waiting entry, whichever node freed it,
 * and two places freed at the same moment on the two nodes go to two different entries, each offered once.
 */
@IntegrationTest
class WaitlistTwoNodesIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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
    void eachFreedPlaceMakesExactlyOneOfferAcrossTwoNodes() throws Exception {
        secondNode = SecondNode.start();
        int secondPort = SecondNode.port(secondNode);
        TestApi nodeA = new TestApi(port);
        TestApi nodeB = new TestApi(secondPort);

        TestApi.Tenant tenant = nodeA.newTenant();
        String key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(nodeA, key);
        String service = catalog.service(fields("name", "Dinner", "duration_minutes", 60, "max_party_size", 4));
        String tableOne = catalog.resource("Table 1", "table", 4);
        String tableTwo = catalog.resource("Table 2", "table", 4);
        catalog.link(service, tableOne, "any_available");
        catalog.everyDay(tableOne, "19:00", "20:00");
        catalog.everyDay(tableTwo, "19:00", "20:00");
        LocalDate day = LocalDate.now(BERLIN).plusDays(3);
        String seven =
                day.atTime(LocalTime.of(19, 0)).atZone(BERLIN).toInstant().toString();
        String first = book(nodeA, key, service, seven);
        String second = book(nodeB, key, service, seven);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Response joined = (i % 2 == 0 ? nodeA : nodeB)
                    .post(
                            key,
                            "/waitlist-entries",
                            fields(
                                    "kind",
                                    "later",
                                    "service_id",
                                    service,
                                    "party_size",
                                    2,
                                    "date",
                                    day.toString(),
                                    "window_start",
                                    "18:00",
                                    "window_end",
                                    "20:00",
                                    "source",
                                    "phone",
                                    "contact",
                                    fields("first_name", "Guest " + i, "phone", "+49 30 700000" + i)));
            TestApi.expect(joined, 201);
            entries.add(joined.get("id"));
        }

        cancel(nodeB, key, first);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> offered(tenant.id()) == 1);
        assertThat(nodeA.get(key, "/waitlist-entries/" + entries.get(0)).get("status"))
                .as("the first in line")
                .isEqualTo("offered");

        // The first guest declines on node A while the other place is freed on node B, at the same moment: the
        // declined start and the freed one go to the two entries still waiting, one each.
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Response> declined = CompletableFuture.supplyAsync(() -> {
            await(go);
            return nodeA.post(key, "/waitlist-entries/" + entries.get(0) + "/decline-offer", Map.of());
        });
        CompletableFuture<Response> cancelled = CompletableFuture.supplyAsync(() -> {
            await(go);
            return nodeB.patch(key, "/reservations/" + second, fields("status", "cancelled"));
        });
        go.countDown();
        assertThat(declined.get().status()).as(declined.get().text()).isEqualTo(200);
        assertThat(cancelled.get().status()).as(cancelled.get().text()).isEqualTo(200);
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(10))
                .until(() -> offered(tenant.id()) == 2);
        assertThat(nodeA.get(key, "/waitlist-entries/" + entries.get(1)).get("status"))
                .isEqualTo("offered");
        assertThat(nodeA.get(key, "/waitlist-entries/" + entries.get(2)).get("status"))
                .isEqualTo("offered");
        assertThat(jdbc.sql("select count(*) from reservations where organization_id = :org and source = 'waitlist'"
                                + " and status = 'held'")
                        .param("org", tenant.id())
                        .query(Long.class)
                        .single())
                .as("one hold per offer, none left over")
                .isEqualTo(2L);
    }

    private long offered(UUID organizationId) {
        return jdbc.sql("select count(*) from waitlist_entries where organization_id = :org and status = 'offered'")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    private static String book(TestApi api, String key, String service, String start) {
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        start,
                        "contact",
                        fields("first_name", "Booker", "email", "booker-" + UUID.randomUUID() + "@example.com")));
        TestApi.expect(booked, 201);
        return booked.get("id");
    }

    private static void cancel(TestApi api, String key, String reservation) {
        TestApi.expect(api.patch(key, "/reservations/" + reservation, fields("status", "cancelled")), 200);
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

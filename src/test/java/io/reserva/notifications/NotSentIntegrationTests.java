package io.reserva.notifications;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no mail server configured (the default), messages are kept and say so: nothing is lost, nothing pretends. */
@IntegrationTest
class NotSentIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void withoutAMailServerAConfirmationIsStoredNotSentWithTheReason() {
        TestApi api = new TestApi(port);
        Tenant tenant = api.newTenant();
        String key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String service = catalog.service(fields("name", "Dinner", "duration_minutes", 60));
        String table = catalog.resource("Table", "table", null);
        catalog.link(service, table, "required");
        catalog.everyDay(table, "10:00", "22:00");
        String start = LocalDate.of(2027, 6, 7)
                .atTime(LocalTime.of(19, 0))
                .atZone(ZoneId.of("Europe/Berlin"))
                .toInstant()
                .toString();

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
                        fields("first_name", "Noor", "email", "noor@example.org")));
        TestApi.expect(booked, 201);
        String id = booked.get("id");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response log = api.get(key, "/notifications?reservation_id=" + id + "&kind=confirmation");
            return log.body().get("data").size() == 1
                    && "not_sent"
                            .equals(log.body().get("data").get(0).get("status").asString());
        });
        Response log = api.get(key, "/notifications?reservation_id=" + id + "&status=not_sent");
        var row = log.body().get("data").get(0);
        assertThat(row.get("error").asString()).isEqualTo("no mail server configured");
        assertThat(row.get("recipient").asString()).isEqualTo("noor@example.org");
        assertThat(row.get("channel").asString()).isEqualTo("email");
        assertThat(row.get("sequence").asInt()).isZero();

        Response reminder = api.get(key, "/notifications?reservation_id=" + id + "&kind=reminder");
        assertThat(reminder.body().get("data").get(0).get("status").asString())
                .as("the reminder waits for its time")
                .isEqualTo("pending");

        Response other = api.get(
                api.newTenant().adminKey(), "/notifications/" + row.get("id").asString());
        assertThat(other.status())
                .as("another organization's message is not found")
                .isEqualTo(404);
        assertThat(api.get(key, "/notifications?colour=red").status()).isEqualTo(400);
        assertThat(api.get(key, "/notifications/" + row.get("id").asString()).get("kind"))
                .isEqualTo("confirmation");
    }
}

package io.reserva.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reserva.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The node's one listening connection: it delivers what is committed, and comes back after it was cut. */
@IntegrationTest
class PostgresNotificationsIntegrationTests {

    @Autowired
    PostgresNotifications notifications;

    @Autowired
    JdbcClient jdbc;

    final String channel = "test_" + UUID.randomUUID().toString().replace("-", "");
    final List<String> heard = new CopyOnWriteArrayList<>();
    final AtomicInteger listened = new AtomicInteger();
    final AtomicInteger deaf = new AtomicInteger();
    PostgresNotifications.Subscription subscription;

    @BeforeEach
    void subscribe() {
        subscription = notifications.subscribe(channel, new PostgresNotifications.Subscriber() {
            @Override
            public void notified(String payload) {
                heard.add(payload);
            }

            @Override
            public void listening() {
                listened.incrementAndGet();
            }

            @Override
            public void deaf() {
                deaf.incrementAndGet();
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> listened.get() == 1);
    }

    @AfterEach
    void cancel() {
        subscription.cancel();
    }

    @Test
    void aCommittedNotificationReachesTheSubscriberOfItsChannelOnly() {
        send("other_channel_nobody_hears", "elsewhere");
        send(channel, "first");

        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("first"));
        assertThat(heard).containsExactly("first");
    }

    @Test
    void aCutConnectionIsReopenedAndTheSubscriberHearsItWasDeafThenListensAgain() {
        int connectionsBefore = notifications.connections();
        int terminated = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where application_name = :name")
                .param("name", PostgresNotifications.APPLICATION_NAME)
                .query(Integer.class)
                .single();
        assertThat(terminated).isPositive();

        await().atMost(Duration.ofSeconds(10)).until(() -> listened.get() == 2);
        assertThat(deaf.get()).isEqualTo(1);
        assertThat(notifications.connections()).isGreaterThan(connectionsBefore);
        assertThat(notifications.isConnected()).isTrue();

        send(channel, "after the gap");
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains("after the gap"));
    }

    @Test
    void aCancelledSubscriptionHearsNothingMore() {
        subscription.cancel();
        List<String> control = new CopyOnWriteArrayList<>();
        String controlChannel = channel + "_control";
        PostgresNotifications.Subscription other = notifications.subscribe(controlChannel, control::add);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                send(controlChannel, "ping");
                return !control.isEmpty();
            });
            send(channel, "too late");
            send(controlChannel, "marker");
            // Notifications arrive in commit order: once the later marker is heard, the earlier one was handled.
            await().atMost(Duration.ofSeconds(5)).until(() -> control.contains("marker"));
            assertThat(heard).isEmpty();
        } finally {
            other.cancel();
        }
    }

    private void send(String channel, String payload) {
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", channel)
                .param("payload", payload)
                .query()
                .singleRow();
    }
}

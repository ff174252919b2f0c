package io.reserva.catalog;

import static io.reserva.support.TestApi.expect;
import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.reserva.database.PostgresNotifications;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cached snapshot follows every change: at once for changes made through this node, and within moments for
 * changes another node (here: plain SQL) announces on the reserva_catalog channel.
 */
@IntegrationTest
class CatalogCacheIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CatalogChangeListener listener;

    TestApi api;
    Tenant tenant;
    UUID service;

    @BeforeEach
    void setUp() {
        // A (re)connect clears the whole cache; a test that relies on something being cached starts after it.
        eventually("listening", listener::isListening, true);
        api = new TestApi(port);
        tenant = api.newTenant();
        service = UUID.fromString(new CatalogApi(api).service(tenant.adminKey(), "Dinner"));
        settle();
    }

    @Test
    void aChangeThroughTheApiIsInTheNextSnapshot() {
        assertThat(serviceName()).isEqualTo("Dinner");
        expect(api.patch(tenant.adminKey(), "/reservation-services/" + service, fields("name", "Supper")), 200);
        assertThat(serviceName()).isEqualTo("Supper");

        String resource = new CatalogApi(api).resource(tenant.adminKey(), "Table 1", "table");
        CatalogSnapshot snapshot = catalog.snapshot(tenant.id());
        assertThat(snapshot.resource(UUID.fromString(resource))).isPresent();
        assertThat(snapshot.organizationTimezone()).isEqualTo("Europe/Berlin");
        expect(api.delete(tenant.adminKey(), "/reservation-resources/" + resource), 200);
        assertThat(catalog.snapshot(tenant.id()).resources()).isEmpty();
    }

    @Test
    void anOrganizationsNewTimeZoneIsInTheNextSnapshot() {
        assertThat(catalog.snapshot(tenant.id()).organizationTimezone()).isEqualTo("Europe/Berlin");

        expect(
                api.patch(tenant.adminKey(), "/organizations/" + tenant.id(), fields("timezone", "America/Chicago")),
                200);

        assertThat(catalog.snapshot(tenant.id()).organizationTimezone()).isEqualTo("America/Chicago");
    }

    @Test
    void aNotifiedChangeBehindTheAppsBackIsSeenWithinMoments() {
        assertThat(serviceName()).isEqualTo("Dinner");
        renameBehindTheAppsBack("Changed elsewhere");
        // Cached: without a notification this node still answers what it read.
        assertThat(serviceName()).isEqualTo("Dinner");

        announce(tenant.id().toString());

        eventually("the service's name", this::serviceName, "Changed elsewhere");
    }

    @Test
    void aListenerThatLosesItsConnectionReconnectsAndForgetsWhatItMayHaveMissed() {
        assertThat(serviceName()).isEqualTo("Dinner");
        renameBehindTheAppsBack("Changed while deaf");
        assertThat(serviceName()).isEqualTo("Dinner");

        int connectedBefore = listener.connections();
        int terminated = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                        + " where application_name = :name")
                .param("name", PostgresNotifications.APPLICATION_NAME)
                .query(Integer.class)
                .single();
        assertThat(terminated).isPositive();

        eventually("reconnected", () -> listener.connections() > connectedBefore, true);
        settle();
        assertThat(serviceName()).isEqualTo("Changed while deaf");
        // Listening again: a notification is heard once more.
        renameBehindTheAppsBack("Heard again");
        assertThat(serviceName()).isEqualTo("Changed while deaf");
        announce(tenant.id().toString());
        eventually("the service's name", this::serviceName, "Heard again");
    }

    /**
     * Waits until the listener has handled every notification sent so far, this node's own included (it hears its
     * own writes too, and drops the entry once more), so that what a test caches next stays cached.
     */
    private void settle() {
        String marker = "settle-" + UUID.randomUUID();
        announce(marker);
        eventually("the last notification handled", listener::lastPayload, marker);
    }

    private void announce(String payload) {
        jdbc.sql("select pg_notify('reserva_catalog', :payload)")
                .param("payload", payload)
                .query()
                .singleRow();
    }

    private String serviceName() {
        return catalog.snapshot(tenant.id()).service(service).orElseThrow().name();
    }

    private void renameBehindTheAppsBack(String name) {
        jdbc.sql("update reservation_services set name = :name where organization_id = :org and id = :id")
                .param("name", name)
                .param("org", tenant.id())
                .param("id", service)
                .update();
    }

    /** Waits up to five seconds for {@code value} to become {@code expected}; fails saying what it saw last. */
    private static <T> void eventually(String what, Supplier<T> value, T expected) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(value.get()).as(what).isEqualTo(expected));
    }
}

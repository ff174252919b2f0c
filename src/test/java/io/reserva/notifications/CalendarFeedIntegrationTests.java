package io.reserva.notifications;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Secret calendar feeds over HTTP: what they hold, their validators, revocation and who may manage them. */
@IntegrationTest
class CalendarFeedIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String key;
    String dinner;
    String lunch;
    String terrace;
    String hall;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        dinner = catalog.service(fields("name", "Dinner", "duration_minutes", 60));
        terrace = catalog.resource("Terrace", "table", null);
        hall = catalog.resource("Hall", "table", null);
        lunch = catalog.service(fields("name", "Lunch", "duration_minutes", 60));
        catalog.link(dinner, terrace, "required");
        catalog.link(lunch, hall, "required");
        catalog.everyDay(terrace, "10:00", "22:00");
        catalog.everyDay(hall, "10:00", "22:00");
    }

    @Test
    void theFeedHoldsUpcomingBookingsAndRecentCancellationsAndNoInternalNotes() throws Exception {
        String kept = book(19, terrace, "Ana", "secret-staff-note");
        String cancelled = book(20, hall, "Bruno", null);
        TestApi.expect(api.patch(key, "/reservations/" + cancelled, fields("status", "cancelled")), 200);

        Response created = api.post(key, "/calendar-feeds", fields("name", "Everything"));
        TestApi.expect(created, 201);
        String path = created.get("path");
        assertThat(created.get("token")).startsWith("cal_");

        Response feed = api.get(null, path);
        TestApi.expect(feed, 200);
        assertThat(feed.header("Content-Type")).startsWith("text/calendar");
        assertThat(feed.text()).doesNotContain("secret-staff-note");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.text()));
        assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("PUBLISH");
        Map<String, String> statusByUid = calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(
                        e -> e.getProperty(Property.UID).orElseThrow().getValue(),
                        e -> e.getProperty(Property.STATUS).orElseThrow().getValue()));
        assertThat(statusByUid)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "reservation-" + kept + "@reserva", "CONFIRMED",
                        "reservation-" + cancelled + "@reserva", "CANCELLED"));
        assertThat(feed.text()).contains("Ana");

        String etag = feed.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(feed.header("Last-Modified")).isNotBlank();
        Response again = api.send(null, "GET", path, null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.text()).isEmpty();

        book(21, terrace, "Carla", null);
        Response changed = api.send(null, "GET", path, null, Map.of("If-None-Match", etag));
        TestApi.expect(changed, 200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void aResourceFeedListsOnlyThatResourcesBookings() throws Exception {
        String onTerrace = book(19, terrace, "Ana", null);
        book(20, hall, "Bruno", null);
        Response created = api.post(key, "/calendar-feeds", fields("resource_id", terrace));
        TestApi.expect(created, 201);

        Response feed = api.get(null, created.get("path"));
        TestApi.expect(feed, 200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.text()));
        List<String> uids = calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getProperty(Property.UID).orElseThrow().getValue())
                .toList();
        assertThat(uids).containsExactly("reservation-" + onTerrace + "@reserva");
    }

    @Test
    void aRevokedOrUnknownFeedIsNotFoundAndOnlyItsOrganizationsAdminsManageIt() {
        Response created = api.post(key, "/calendar-feeds", fields());
        TestApi.expect(created, 201);
        String id = created.body().get("feed").get("id").asString();
        String path = created.get("path");
        TestApi.expect(api.get(null, path), 200);

        Tenant other = api.newTenant();
        Response foreignList = api.get(other.adminKey(), "/calendar-feeds");
        TestApi.expect(foreignList, 200);
        assertThat(foreignList.body().size()).isZero();
        assertThat(api.delete(other.adminKey(), "/calendar-feeds/" + id).status())
                .isEqualTo(404);
        assertThat(api.delete(api.newKey(tenant, "staff"), "/calendar-feeds/" + id)
                        .status())
                .isEqualTo(403);
        TestApi.expect(api.get(null, path), 200);

        Response foreignResource = api.post(
                key,
                "/calendar-feeds",
                fields("resource_id", new CatalogFixtures(api, other.adminKey()).resource("Elsewhere", "table", null)));
        assertThat(foreignResource.status()).isEqualTo(422);
        assertThat(foreignResource.body().get("errors").get(0).get("field").asString())
                .isEqualTo("resource_id");

        Response revoked = api.delete(key, "/calendar-feeds/" + id);
        TestApi.expect(revoked, 200);
        assertThat(revoked.get("revoked_at")).isNotBlank();
        Response gone = api.get(null, path);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(null, "/calendars/cal_unknown.ics").status()).isEqualTo(404);
        assertThat(api.get(key, "/calendar-feeds")
                        .body()
                        .get(0)
                        .get("revoked_at")
                        .asString())
                .isNotBlank();
    }

    /** A booking on the terrace (dinner) or in the hall (lunch). */
    private String book(int hour, String resource, String firstName, String internalNotes) {
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        resource.equals(terrace) ? dinner : lunch,
                        "party_size",
                        2,
                        "start_datetime",
                        LocalDate.of(2027, 7, 5)
                                .atTime(LocalTime.of(hour, 0))
                                .atZone(ZoneId.of("Europe/Berlin"))
                                .toInstant()
                                .toString(),
                        "internal_notes",
                        internalNotes,
                        "contact",
                        fields("first_name", firstName, "email", firstName.toLowerCase() + "@example.org")));
        TestApi.expect(booked, 201);
        return booked.get("id");
    }
}

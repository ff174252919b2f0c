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
    @Test
    void aUsersFeedHoldsTheBookingsOfEveryPersonNamingThemAndTheyManageItThemselves() throws Exception {
        String password = "violet tram under 7 lanterns";
        String email = "stylist-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Response user = api.post(
                key, "/users", fields("email", email, "name", "Sol Stylist", "role", "staff", "password", password));
        TestApi.expect(user, 201);
        String userId = user.get("id");
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        String mornings = person(catalog, "Sol (mornings)", userId);
        String evenings = person(catalog, "Sol (evenings)", userId);
        String someoneElse = person(catalog, "Teo", null);
        String cut = booked(mornings, 10);
        String colour = booked(evenings, 18);
        booked(someoneElse, 12);

        Response both = api.post(key, "/calendar-feeds", fields("user_id", userId, "resource_id", terrace));
        Response stranger = api.post(
                key,
                "/calendar-feeds",
                fields("user_id", java.util.UUID.randomUUID().toString()));
        assertThat(List.of(both, stranger)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("user_id");
        });

        // Signed in, the stylist creates their own feed; another user's feed stays an admin's to make.
        Map<String, String> signedIn = api.signIn(email, password);
        Response own = api.send(null, "POST", "/calendar-feeds", TestApi.json(fields("user_id", userId)), signedIn);
        TestApi.expect(own, 201);
        Response othersFeed = api.send(null, "POST", "/calendar-feeds", TestApi.json(fields()), signedIn);
        assertThat(othersFeed.status()).isEqualTo(403);

        Response feed = api.get(null, own.get("path"));
        TestApi.expect(feed, 200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.text()));
        assertThat(calendar.<VEvent>getComponents("VEVENT").stream()
                        .map(e -> e.getProperty(Property.UID).orElseThrow().getValue()))
                .containsExactlyInAnyOrder("reservation-" + cut + "@reserva", "reservation-" + colour + "@reserva");
        // Named after the user's people, in the catalog's order (a comma is escaped in iCalendar text).
        assertThat(feed.text()).contains("X-WR-CALNAME:", "· Sol (evenings)\\, Sol (mornings)");

        String id = own.body().get("feed").get("id").asString();
        assertThat(own.body().get("feed").get("user_id").asString()).isEqualTo(userId);
        TestApi.expect(api.send(null, "DELETE", "/calendar-feeds/" + id, null, signedIn), 200);
        assertThat(api.get(null, own.get("path")).status()).isEqualTo(404);
    }

    /** A person resource naming {@code userId} (or nobody), open every day; answers a service that needs them. */
    private String person(CatalogFixtures catalog, String name, String userId) {
        String resource = catalog.resource(fields("name", name, "resource_type", "person", "user_id", userId));
        catalog.everyDay(resource, "09:00", "20:00");
        String service = catalog.service(fields("name", "With " + name, "duration_minutes", 60));
        catalog.link(service, resource, "required");
        return service;
    }

    /** A booking of the person's own service ({@link #person} answers it) at {@code hour}. */
    private String booked(String service, int hour) {
        Response booked = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        1,
                        "start_datetime",
                        LocalDate.of(2027, 7, 6)
                                .atTime(LocalTime.of(hour, 0))
                                .atZone(ZoneId.of("Europe/Berlin"))
                                .toInstant()
                                .toString()));
        TestApi.expect(booked, 201);
        return booked.get("id");
    }

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

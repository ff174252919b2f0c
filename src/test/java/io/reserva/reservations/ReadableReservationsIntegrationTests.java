package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Answers people can read: who is coming (the contact summary), the venue's day ({@code date=}), and the times on
 * the service's wall clock. The test organization is in Europe/Berlin.
 */
@IntegrationTest
class ReadableReservationsIntegrationTests {

    @LocalServerPort
    int port;

    TestApi api;
    String key;
    CatalogFixtures catalog;
    String service;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        key = api.newTenant().adminKey();
        catalog = new CatalogFixtures(api, key);
        service = catalog.service(fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 15));
    }

    @Test
    void everyAnswerSaysWhoIsComing() {
        Response created = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        service,
                        "party_size",
                        2,
                        "start_datetime",
                        "2027-03-08T18:00:00Z",
                        "override",
                        true,
                        "contact",
                        fields("first_name", "Ana", "last_name", "García", "email", "Ana@Example.com")));
        TestApi.expect(created, 201);
        JsonNode contact = created.body().get("contact");
        assertThat(contact.get("id").asString()).isEqualTo(created.get("contact_id"));
        assertThat(contact.get("first_name").asString()).isEqualTo("Ana");
        assertThat(contact.get("last_name").asString()).isEqualTo("García");
        assertThat(contact.get("email").asString()).isEqualTo("ana@example.com");
        String id = created.get("id");

        Response read = api.get(key, "/reservations/" + id);
        TestApi.expect(read, 200);
        assertThat(read.body().get("contact")).isEqualTo(contact);

        Response listed = api.get(key, "/reservations");
        TestApi.expect(listed, 200);
        assertThat(listed.body().get("data").get(0).get("contact")).isEqualTo(contact);

        Response notes = api.patch(key, "/reservations/" + id, fields("internal_notes", "Anniversary"));
        TestApi.expect(notes, 200);
        assertThat(notes.body().get("contact")).isEqualTo(contact);

        Response other =
                api.post(key, "/contacts", fields("first_name", "Ben", "last_name", "Ode", "phone", "+49 30 7654321"));
        TestApi.expect(other, 201);
        Response moved = api.patch(key, "/reservations/" + id, fields("contact_id", other.get("id")));
        TestApi.expect(moved, 200);
        JsonNode ben = moved.body().get("contact");
        assertThat(ben.get("id").asString()).isEqualTo(other.get("id"));
        assertThat(ben.get("first_name").asString()).isEqualTo("Ben");
        assertThat(ben.get("phone").asString()).isEqualTo("+49307654321");
        assertThat(api.get(key, "/reservations/" + id).body().get("contact")).isEqualTo(ben);

        // Webhook payloads are the same view.
        Response createdEvent = api.get(key, "/events?type=reservation.created");
        TestApi.expect(createdEvent, 200);
        assertThat(createdEvent.body().get("data").get(0).get("data").get("contact"))
                .isEqualTo(contact);
        Response updatedEvents = api.get(key, "/events?type=reservation.updated&$sort[created_at]=1");
        TestApi.expect(updatedEvents, 200);
        JsonNode lastUpdate = updatedEvents.body().get("data").get(1);
        assertThat(lastUpdate.get("changed_fields").toString()).isEqualTo("[\"contact_id\"]");
        assertThat(lastUpdate.get("data").get("contact")).isEqualTo(ben);

        Response walkIn = book("2027-03-08T19:00:00Z");
        assertThat(walkIn.body().path("contact").isNull()
                        || walkIn.body().path("contact").isMissingNode())
                .as("a walk-in has no contact: %s", walkIn.text())
                .isTrue();
    }

    @Test
    void dateIsTheOrganizationsLocalDayAcrossTheSpringForwardChange() {
        // 28 March 2027 in Berlin has 23 hours: from 00:00 CET (27 March 23:00Z) to 24:00 CEST (28 March 22:00Z).
        book("2027-03-27T22:59:00Z"); // 27 March 23:59 CET
        String first = book("2027-03-27T23:00:00Z").get("id"); // 28 March 00:00 CET
        String last = book("2027-03-28T21:59:00Z").get("id"); // 28 March 23:59 CEST
        book("2027-03-28T22:00:00Z"); // 29 March 00:00 CEST

        assertThat(ids(api.get(key, "/reservations?date=2027-03-28"))).containsExactly(first, last);
        assertThat(ids(api.get(key, "/reservations?date=2027-03-27"))).hasSize(1);
        assertThat(ids(api.get(key, "/reservations?date=2027-03-29"))).hasSize(1);
    }

    @Test
    void dateCombinesWithFiltersAndTheCursor() {
        String early = book("2027-03-08T17:00:00Z").get("id");
        String cancelled = book("2027-03-08T18:00:00Z").get("id");
        TestApi.expect(api.patch(key, "/reservations/" + cancelled, fields("status", "cancelled")), 200);
        String late = book("2027-03-08T20:00:00Z").get("id");
        book("2027-03-09T18:00:00Z");

        String query = "/reservations?date=2027-03-08&status=confirmed&$sort[start_datetime]=1&$limit=1";
        Response page = api.get(key, query + "&$cursor=*");
        assertThat(ids(page)).containsExactly(early);
        assertThat(page.body().get("has_more").asBoolean()).isTrue();
        Response next = api.get(key, query + "&$cursor=" + page.get("next_cursor"));
        assertThat(ids(next)).containsExactly(late);
        assertThat(next.body().get("has_more").asBoolean()).isFalse();
    }

    @Test
    void theDayIsTheVenuesEvenWhenTheServiceKeepsAnotherZone() {
        String newYork = catalog.service(fields(
                "name", "Late show", "duration_minutes", 60, "slot_interval", 15, "timezone", "America/New_York"));
        // 9 March 00:30 in Berlin, 8 March 18:30 in New York.
        String id = api.post(
                        key,
                        "/reservations",
                        fields(
                                "service_id",
                                newYork,
                                "party_size",
                                2,
                                "start_datetime",
                                "2027-03-08T23:30:00Z",
                                "override",
                                true))
                .get("id");

        assertThat(ids(api.get(key, "/reservations?date=2027-03-09"))).containsExactly(id);
        assertThat(ids(api.get(key, "/reservations?date=2027-03-08"))).isEmpty();
    }

    @Test
    void localTimesAreOnTheServicesClockWithTheirOffset() {
        Response winter = book("2027-03-27T19:00:00Z");
        assertThat(winter.get("start_datetime")).isEqualTo("2027-03-27T19:00:00Z");
        assertThat(winter.get("start_local")).isEqualTo("2027-03-27T20:00:00+01:00");
        assertThat(winter.get("end_local")).isEqualTo("2027-03-27T21:30:00+01:00");
        assertThat(winter.get("timezone")).isEqualTo("Europe/Berlin");

        Response summer = book("2027-03-28T19:00:00Z");
        assertThat(summer.get("start_local")).isEqualTo("2027-03-28T21:00:00+02:00");
        assertThat(api.get(key, "/reservations/" + summer.get("id")).get("end_local"))
                .isEqualTo("2027-03-28T22:30:00+02:00");

        String newYork = catalog.service(fields(
                "name", "Late show", "duration_minutes", 60, "slot_interval", 15, "timezone", "America/New_York"));
        Response there = api.post(
                key,
                "/reservations",
                fields(
                        "service_id",
                        newYork,
                        "party_size",
                        2,
                        "start_datetime",
                        "2027-03-08T23:30:00Z",
                        "override",
                        true));
        TestApi.expect(there, 201);
        assertThat(there.get("start_local")).isEqualTo("2027-03-08T18:30:00-05:00");
        assertThat(there.get("timezone")).isEqualTo("America/New_York");
    }

    @Test
    void aBadDateIsAnInvalidQueryNamingDate() {
        for (String bad : List.of("2027-02-30", "08.03.2027", "2027-3-8", "")) {
            Response refused = api.get(key, "/reservations?date=" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("invalid_query");
            assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactly("date");
        }
    }

    @Test
    void theApiDocumentShowsTheNewFieldsAndTheDateParameter() {
        Response document = api.get(null, "/openapi.json");
        TestApi.expect(document, 200);
        JsonNode schemas = document.body().get("components").get("schemas");
        JsonNode reservation = schemas.get("Reservation").get("properties");
        assertThat(reservation.get("start_local").get("example").asString()).isEqualTo("2027-03-28T20:30:00+02:00");
        assertThat(reservation.get("end_local").get("example").asString()).isEqualTo("2027-03-28T22:30:00+02:00");
        assertThat(reservation.get("timezone").get("example").asString()).isEqualTo("Europe/Madrid");
        assertThat(reservation.get("contact").toString()).contains("ReservationContact");
        JsonNode contact = schemas.get("ReservationContact").get("properties");
        assertThat(contact.propertyNames()).contains("id", "first_name", "last_name", "email", "phone");
        assertThat(contact.get("email").get("example").asString()).isEqualTo("ana.garcia@example.com");

        JsonNode parameters =
                document.body().get("paths").get("/reservations").get("get").get("parameters");
        JsonNode date = null;
        for (JsonNode parameter : parameters) {
            if (parameter.get("name").asString().equals("date")) {
                date = parameter;
            }
        }
        assertThat(date).as(parameters.toString()).isNotNull();
        assertThat(date.get("example").asString()).isEqualTo("2026-12-04");
        assertThat(date.get("schema").get("format").asString()).isEqualTo("date");
        assertThat(parameters.findValuesAsString("name")).contains("resource", "filters", "$cursor");
    }

    /** A staff booking at any instant: the test is about reading reservations, not about the hours. */
    private Response book(String start) {
        Response booked = api.post(
                key,
                "/reservations",
                fields("service_id", service, "party_size", 2, "start_datetime", start, "override", true));
        TestApi.expect(booked, 201);
        return booked;
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("data").forEach(row -> ids.add(row.get("id").asString()));
        return ids;
    }
}

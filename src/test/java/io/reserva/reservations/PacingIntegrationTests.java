package io.reserva.reservations;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pacing over HTTP, per service and per area: limits that could never seat the largest party (or name a foreign or
 * repeated area) are refused, a race for the last covers of an interval fills exactly the limit, and a party the
 * full terrace cannot take sits in the dining room.
 */
@IntegrationTest
class PacingIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String START = LocalDate.of(2027, 4, 5)
            .atTime(LocalTime.of(19, 0))
            .atZone(BERLIN)
            .toInstant()
            .toString();
    static final String LATER = LocalDate.of(2027, 4, 5)
            .atTime(LocalTime.of(19, 10))
            .atZone(BERLIN)
            .toInstant()
            .toString();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestApi api;
    Tenant tenant;
    String key;
    CatalogFixtures catalog;
    String terrace;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        key = tenant.adminKey();
        catalog = new CatalogFixtures(api, key);
        Response created = api.post(key, "/reservation-areas", fields("name", "Terrace"));
        TestApi.expect(created, 201);
        terrace = created.get("id");
    }

    /** A dining room with room for a hundred parties: only the pacing can refuse. */
    private String pacedService(Map<String, Object> pacing) {
        String service = catalog.service(fields(
                "name", "Dinner", "duration_minutes", 90, "slot_interval", 5, "max_party_size", 4, "pacing", pacing));
        String room = catalog.resource(fields("name", "Dining room", "resource_type", "room", "units", 100));
        catalog.link(service, room, "required");
        catalog.everyDay(room, "12:00", "23:00");
        return service;
    }

    /** A terrace of a hundred tables of four, the terrace paced at 8 guests per quarter hour. */
    private String terraceService() {
        String service = catalog.service(fields(
                "name",
                "Dinner",
                "duration_minutes",
                90,
                "slot_interval",
                5,
                "max_party_size",
                4,
                "area_pacing",
                List.of(fields("area_id", terrace, "interval_minutes", 15, "max_covers", 8))));
        String tables = catalog.resource(fields(
                "name", "Terrace tables", "resource_type", "table", "capacity", 4, "units", 100, "area_id", terrace));
        catalog.link(service, tables, "any_available");
        catalog.everyDay(tables, "12:00", "23:00");
        return service;
    }

    private Response book(String service, int partySize, String start, boolean override) {
        return api.post(
                key,
                "/reservations",
                fields("service_id", service, "party_size", partySize, "start_datetime", start, "override", override));
    }

    @Test
    void aLimitBelowTheLargestPartyOrWithoutItsIntervalIsRefusedNamingTheField() {
        Response below = dinner(
                "max_party_size", 8, "pacing", fields("interval_minutes", 15, "max_covers", 6, "max_seated_covers", 7));
        Response noInterval = dinner("max_party_size", 4, "pacing", fields("max_parties", 2));
        Response noLargestParty = dinner("pacing", fields("interval_minutes", 15, "max_covers", 30));

        assertThat(List.of(below, noInterval, noLargestParty)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("validation_failed");
        });
        assertThat(below.body().get("detail").asString())
                .contains("pacing.max_covers must be at least 8", "pacing.max_seated_covers must be at least 8");
        assertThat(noInterval.body().get("errors").get(0).get("field").asString())
                .isEqualTo("pacing.interval_minutes");
        assertThat(noLargestParty.body().get("errors").get(0).get("field").asString())
                .isEqualTo("pacing.max_covers");

        String service = pacedService(fields("interval_minutes", 15, "max_covers", 8));
        Response raised = api.patch(key, "/reservation-services/" + service, fields("max_party_size", 10));
        assertThat(raised.status()).isEqualTo(422);
        assertThat(api.get(key, "/reservation-services/" + service)
                        .body()
                        .get("pacing")
                        .get("max_covers")
                        .asInt())
                .isEqualTo(8);
    }

    @Test
    void sixtyFourClientsForTheLastCoversOfAnIntervalFillExactlyTheLimit() throws Exception {
        String service = pacedService(fields("interval_minutes", 15, "max_covers", 8));
        TestApi.expect(book(service, 2, START, false), 201);

        List<Response> responses = race(service, 64);

        assertFilledExactlyEightCovers(responses);

        assertThat(listedStarts(service)).doesNotContain(START, LATER);

        Response override = book(service, 2, LATER, true);
        TestApi.expect(override, 201);
        assertThat(override.body().get("is_override").asBoolean()).isTrue();
        assertThat(book(service, 2, LATER, false).code()).isEqualTo("pacing_limit");
    }

    @Test
    void areaLimitsBelowTheLargestPartyForeignOrRepeatedAreasAreRefusedNamingTheEntry() {
        String theirs = api.post(api.newTenant().adminKey(), "/reservation-areas", fields("name", "Their terrace"))
                .get("id");
        Response below = dinner(
                "max_party_size",
                8,
                "area_pacing",
                List.of(fields("area_id", terrace, "interval_minutes", 15, "max_covers", 6)));
        Response foreign =
                dinner("max_party_size", 4, "area_pacing", List.of(fields("area_id", theirs, "max_seated_covers", 20)));
        Response twice = dinner(
                "max_party_size",
                4,
                "area_pacing",
                List.of(
                        fields("area_id", terrace, "max_seated_covers", 20),
                        fields("area_id", terrace, "max_seated_covers", 30)));

        assertThat(List.of(below, foreign, twice)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.code()).isEqualTo("validation_failed");
        });
        assertThat(below.errorFields()).containsExactly("area_pacing[0].max_covers");
        assertThat(below.body().get("detail").asString()).contains("must be at least 8");
        assertThat(foreign.errorFields()).containsExactly("area_pacing[0].area_id");
        assertThat(twice.errorFields()).containsExactly("area_pacing[1].area_id");

        String service = terraceService();
        Response raised = api.patch(key, "/reservation-services/" + service, fields("max_party_size", 10));
        assertThat(raised.status()).isEqualTo(422);
        assertThat(raised.errorFields()).containsExactly("area_pacing[0].max_covers");
        Response stored = api.get(key, "/reservation-services/" + service);
        assertThat(stored.body().get("area_pacing").get(0).get("area_id").asString())
                .isEqualTo(terrace);
        assertThat(stored.body().get("area_pacing").get(0).get("max_covers").asInt())
                .isEqualTo(8);

        TestApi.expect(api.patch(key, "/reservation-services/" + service, fields("area_pacing", List.of())), 200);
        assertThat(api.get(key, "/reservation-services/" + service).body().get("area_pacing"))
                .isEmpty();
    }

    @Test
    void sixtyFourClientsForTheTerracesLastCoversFillExactlyItsLimit() throws Exception {
        String service = terraceService();
        TestApi.expect(book(service, 2, START, false), 201);

        List<Response> responses = race(service, 64);

        assertFilledExactlyEightCovers(responses);

        assertThat(listedStarts(service)).doesNotContain(START);

        Response override = book(service, 2, START, true);
        TestApi.expect(override, 201);
        assertThat(override.body().get("is_override").asBoolean()).isTrue();
    }

    @Test
    void aPartyTheFullTerraceCannotTakeSitsInTheDiningRoomAndItsPreferenceIsReportedUnmet() {
        String service = terraceService();
        String dining = catalog.resource(fields("name", "Dining table", "resource_type", "table", "capacity", 4));
        catalog.everyDay(dining, "12:00", "23:00");

        List<Boolean> met = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response booked = preferringTerrace(service);
            TestApi.expect(booked, 201);
            met.add(booked.body().get("seating_preference_met").asBoolean());
        }
        Response sixth = preferringTerrace(service);

        // Four couples fill the terrace's 8 covers; the fifth goes to the dining room's one table; then nothing.
        assertThat(met).containsExactly(true, true, true, true, false);
        TestApi.expect(sixth, 409);
        assertThat(sixth.code()).isEqualTo("pacing_limit");
    }

    /** A 90-minute dinner with {@code more} fields (party sizes, pacing) as sent to create it. */
    private Response dinner(Object... more) {
        Object[] body = new Object[4 + more.length];
        System.arraycopy(new Object[] {"name", "Dinner", "duration_minutes", 90}, 0, body, 0, 4);
        System.arraycopy(more, 0, body, 4, more.length);
        return api.post(key, "/reservation-services", fields(body));
    }

    private Response preferringTerrace(String service) {
        return api.post(
                key,
                "/reservations",
                fields("service_id", service, "party_size", 2, "start_datetime", START, "seating_preference", terrace));
    }

    /** One party of two already booked, 64 racing couples: exactly three more get in, the rest hear why not. */
    private void assertFilledExactlyEightCovers(List<Response> responses) {
        assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(3);
        assertThat(responses.stream().filter(r -> r.status() == 409))
                .hasSize(61)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("pacing_limit"));
        long covers = jdbc.sql("select coalesce(sum(party_size), 0) from reservations"
                        + " where organization_id = :org and status = 'confirmed'")
                .param("org", tenant.id())
                .query(Long.class)
                .single();
        assertThat(covers).isEqualTo(8);
    }

    private List<String> listedStarts(String service) {
        List<String> listed = new ArrayList<>();
        api.get(key, "/reservation-available-slots?service_id=" + service + "&date=2027-04-05&party_size=2")
                .body()
                .get("slots")
                .forEach(slot -> listed.add(slot.get("start_datetime").asString()));
        return listed;
    }

    private List<Response> race(String service, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return book(service, 2, START, false);
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : futures) {
            responses.add(future.get());
        }
        pool.shutdown();
        return responses;
    }
}

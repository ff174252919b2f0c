package io.reserva.google;

import static io.reserva.support.TestApi.fields;

import io.reserva.support.CatalogFixtures;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A venue on Google: one table for up to 4 (dinner of 90 minutes every 30 minutes, 12:00 to 23:00 in Berlin, free
 * cancellation until 2 hours before), mapped as Google service {@code dinner}, and a partner credential.
 */
final class GoogleFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final TestApi api;
    final Tenant tenant;
    final String merchantId;
    final String dinner;
    final String table;
    final String authorization;
    /** The {@code closed} service and its table, on the waitlist's venue only. */
    String closedService;

    String closedTable;

    GoogleFixture(TestApi api) {
        this(api, fields(), "12:00", "23:00", false);
    }

    /**
     * A venue for the waitlist: parties of 2 to 4, open all day, and a second Google service {@code closed} whose
     * table has no hours at all. The venue keeps the clock of a zone where it is about noon while the test runs:
     * "open all day" still ends at midnight, and in a day's last sitting no 90-minute dinner fits, so a venue on
     * Berlin's clock would read as closed for today late in the evening there.
     */
    static GoogleFixture forWaitlist(TestApi api) {
        GoogleFixture venue = new GoogleFixture(api, fields("min_party_size", 2), "00:00", "23:59", true);
        String zone = zoneAtAboutNoon(java.time.Instant.now());
        TestApi.expect(
                api.patch(venue.tenant.adminKey(), "/organizations/" + venue.tenant.id(), fields("timezone", zone)),
                200);
        // Services and resources keep the zone they were created with (the organization's then, Berlin): they
        // move too, or "today" and the blocked date below would be Berlin's.
        for (String service : List.of(venue.dinner, venue.closedService)) {
            TestApi.expect(
                    api.patch(venue.tenant.adminKey(), "/reservation-services/" + service, fields("timezone", zone)),
                    200);
        }
        for (String resource : List.of(venue.table, venue.closedTable)) {
            TestApi.expect(
                    api.patch(venue.tenant.adminKey(), "/reservation-resources/" + resource, fields("timezone", zone)),
                    200);
        }
        // A resource without hours of its own in a venue without hours is open all day: the closed service's table
        // is closed today by a blocked date.
        TestApi.expect(
                api.post(
                        venue.tenant.adminKey(),
                        "/reservation-resource-exceptions",
                        fields(
                                "resource_id",
                                venue.closedTable,
                                "date",
                                java.time.LocalDate.now(java.time.ZoneId.of(zone))
                                        .toString(),
                                "exception_type",
                                "blocked",
                                "reason",
                                "Closed")),
                201);
        return venue;
    }

    /** A fixed-offset zone where {@code now} is between 11:00 and 13:00 ("Etc/GMT-2" is UTC+2). */
    static String zoneAtAboutNoon(java.time.Instant now) {
        int utcHour = now.atZone(java.time.ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - utcHour + 12, 24) - 12; // -12 .. +11
        return offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    private GoogleFixture(TestApi api, Map<String, Object> dinnerExtra, String opens, String closes, boolean closed) {
        this.api = api;
        this.tenant = api.newTenant();
        this.merchantId = "merchant-" + UUID.randomUUID();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        Map<String, Object> dinnerFields = new java.util.LinkedHashMap<>(fields(
                "name",
                "Dinner",
                "duration_minutes",
                90,
                "slot_interval",
                30,
                "max_party_size",
                4,
                "cancellation_deadline_hours",
                2));
        dinnerFields.putAll(dinnerExtra);
        dinner = catalog.service(dinnerFields);
        table = catalog.resource("Table 1", "table", 4);
        catalog.link(dinner, table, "required");
        catalog.everyDay(table, opens, closes);
        List<Map<String, Object>> mappings = new java.util.ArrayList<>();
        mappings.add(fields("google_service_id", "dinner", "service_id", dinner));
        if (closed) {
            closedService = catalog.service(fields("name", "Never open", "duration_minutes", 60, "max_party_size", 4));
            closedTable = catalog.resource("Table 2", "table", 4);
            catalog.link(closedService, closedTable, "required");
            mappings.add(fields("google_service_id", "closed", "service_id", closedService));
        }
        TestApi.expect(
                api.send(
                        tenant.adminKey(),
                        "PUT",
                        "/google-integration",
                        TestApi.json(fields("merchant_id", merchantId, "enabled", true, "service_mappings", mappings)),
                        Map.of()),
                200);
        Response issued = api.post(TestApi.PLATFORM_KEY, "/google-integration/partner-credentials", fields());
        TestApi.expect(issued, 201);
        authorization = basic(issued.get("username"), issued.get("password"));
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A start {@code days} from today at the given Berlin time, in seconds. */
    static long startSec(int days, String localTime) {
        return LocalDate.now(BERLIN)
                .plusDays(days)
                .atTime(LocalTime.parse(localTime))
                .atZone(BERLIN)
                .toInstant()
                .getEpochSecond();
    }

    Response call(String rpc, String body) {
        return api.send(null, "POST", "/google/v3/" + rpc, body, Map.of("Authorization", authorization));
    }

    Response call(String rpc, Map<String, Object> body) {
        return call(rpc, TestApi.json(body));
    }

    Map<String, Object> slot(long startSec, int partySize) {
        return fields(
                "merchant_id",
                merchantId,
                "service_id",
                "dinner",
                "start_sec",
                Long.toString(startSec),
                "duration_sec",
                "5400",
                "resources",
                fields("party_size", partySize));
    }

    static Map<String, Object> user(String userId) {
        return fields(
                "user_id",
                userId,
                "given_name",
                "Ana",
                "family_name",
                "García",
                "telephone",
                "+4915112345678",
                "email",
                userId + "@example.com");
    }

    static Instant instant(long startSec) {
        return Instant.ofEpochSecond(startSec);
    }
}

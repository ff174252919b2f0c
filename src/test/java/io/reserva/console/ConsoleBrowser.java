package io.reserva.console;

import static io.reserva.support.TestApi.fields;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.reserva.support.BrowserTab;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.Chromium;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the console's browser tests share: a tab of the shared {@link Chromium} (see there for a missing browser), a venue of three tables open 12:00 to 23:00 with a dinner service, an
 * admin user, and the checks every test ends with: no console error (a Content-Security-Policy refusal
 * included), no failed request it did not expect, no serious or critical axe-core finding on a screen.
 */
@IntegrationTest
abstract class ConsoleBrowser {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String PASSWORD = "amber-quarry-violin-58";

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String dinner;
    String table1;
    String table2;
    String table3;
    LocalDate day;
    String adminEmail;
    String adminId;
    BrowserTab tab;
    Page page;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        dinner = catalog.service(
                fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 30, "max_party_size", 6));
        table1 = catalog.resource("Table 1", "table", 2);
        table2 = catalog.resource("Table 2", "table", 4);
        table3 = catalog.resource("Table 3", "table", 6);
        // One any_available link stands for every table.
        catalog.link(dinner, table1, "any_available");
        for (String table : List.of(table1, table2, table3)) {
            catalog.everyDay(table, "12:00", "23:00");
        }
        day = LocalDate.now(BERLIN).plusDays(7);
        adminEmail = "host-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        adminId = user(adminEmail, "admin");
    }

    @AfterEach
    void closeTab() {
        if (tab != null) {
            tab.close();
        }
    }

    String user(String email, String role) {
        Response created = api.post(
                tenant.adminKey(),
                "/users",
                fields("email", email, "name", "Marta Ruiz", "role", role, "password", PASSWORD));
        TestApi.expect(created, 201);
        return created.get("id");
    }

    String book(LocalTime at, int party, String table, String first) {
        Response booked = api.post(
                tenant.adminKey(),
                "/reservations",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        party,
                        "start_datetime",
                        day.atTime(at).atZone(BERLIN).toInstant().toString(),
                        "preferred_resource_id",
                        table,
                        "source",
                        "booking_page",
                        "customer_notes",
                        "Window if possible",
                        "contact",
                        fields(
                                "first_name",
                                first,
                                "last_name",
                                "Guest",
                                "email",
                                first.toLowerCase() + "-"
                                        + UUID.randomUUID().toString().substring(0, 6) + "@example.com")));
        TestApi.expect(booked, 201);
        return booked.get("id");
    }

    String status(String id) {
        return api.get(tenant.adminKey(), "/reservations/" + id).get("status");
    }

    void open(int width, int height) {
        tab = Chromium.shared()
                .open(new NewContextOptions()
                        .setViewportSize(width, height)
                        .setLocale("en-GB")
                        .setTimezoneId("America/New_York"));
        page = tab.page();
        page.setDefaultTimeout(20_000);
        // The sign-in page asks whether a session is open before it shows the form.
        tab.expectFailure(401, "GET", "/sessions/current");
        // The live stream stays open until the page goes elsewhere, which cuts it off.
        tab.expectCutOff("/events/stream");
    }

    void signIn(String email) {
        page.navigate(api.base() + "/");
        page.waitForSelector("#email");
        page.fill("#email", email);
        page.fill("#password", PASSWORD);
        page.click("form.sign-in button[type=submit]");
        page.waitForSelector("#day-title");
    }

    void goToDay(String view) {
        page.navigate(api.base() + "/console?date=" + day + "&view=" + view);
        page.waitForSelector(view.equals("list") ? "#reservation-list" : "#timeline");
    }

    void screenshot(String name) {
        tab.screenshot("console-" + name);
    }

    /** No serious or critical accessibility finding on what the page shows now. */
    void assertAccessible(String screen) {
        tab.assertAccessible(screen);
    }

    void assertNoErrors() {
        tab.assertNoErrors();
    }

    Locator row(String reservation) {
        return page.locator("tr[data-reservation='" + reservation + "']");
    }

    /** The first row of a list answer. */
    record JsonAssert(tools.jackson.databind.JsonNode body) {
        static JsonAssert of(Response response) {
            TestApi.expect(response, 200);
            return new JsonAssert(response.body());
        }

        String first(String field) {
            return body.get("data").get(0).get(field).asString();
        }
    }
}

package io.reserva.console;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the console's browser tests share: the system Chromium (never a downloaded one; skipped loudly without
 * it unless RESERVA_REQUIRE_BROWSER=true), a venue of three tables open 12:00 to 23:00 with a dinner service, an
 * admin user, and the checks every test ends with: no console error (a Content-Security-Policy refusal
 * included), no failed request it did not expect, no serious or critical axe-core finding on a screen.
 */
@IntegrationTest
abstract class ConsoleBrowser {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String PASSWORD = "amber-quarry-violin-58";
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    static Playwright playwright;
    static com.microsoft.playwright.Browser chromium;

    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "BROWSER TESTS SKIPPED: " + CHROMIUM + " is missing (Debian: apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("RESERVA_REQUIRE_BROWSER"))) {
                throw new AssertionError(reason);
            }
            System.err.println("\n*** " + reason + " ***\n");
            Assumptions.abort(reason);
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run")));
    }

    @AfterAll
    static void shutDown() {
        if (chromium != null) {
            chromium.close();
            playwright.close();
        }
    }

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
    BrowserContext context;
    Page page;
    final List<String> errors = new CopyOnWriteArrayList<>();
    final List<String> failedRequests = new CopyOnWriteArrayList<>();
    final List<String> expectedFailures = new CopyOnWriteArrayList<>();

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
        // The stream of live updates is another branch's work: until it lands, its 404 is expected and harmless.
        expectedFailures.add("404 GET /events/stream");
        // Today /events/{id} answers it: "stream" is not an event id.
        expectedFailures.add("400 GET /events/stream");
        expectedFailures.add("401 GET /sessions/current");
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
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
        context = chromium.newContext(new NewContextOptions()
                .setViewportSize(width, height)
                .setLocale("en-GB")
                .setTimezoneId("America/New_York"));
        page = context.newPage();
        page.setDefaultTimeout(20_000);
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        page.onResponse(response -> {
            if (response.status() >= 400) {
                String path = java.net.URI.create(response.url()).getPath();
                failedRequests.add(response.status() + " " + response.request().method() + " " + path);
            }
        });
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
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("console-" + name + ".png"))
                .setFullPage(true));
    }

    /** No serious or critical accessibility finding on what the page shows now. */
    void assertAccessible(String screen) {
        List<Rule> violations = new AxeBuilder(page)
                .analyze().getViolations().stream()
                        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                        .toList();
        assertThat(violations.stream()
                        .map(rule -> rule.getId() + ": " + rule.getHelp() + " "
                                + rule.getNodes().stream()
                                        .map(node -> String.valueOf(node.getTarget()))
                                        .toList())
                        .toList())
                .as("serious or critical axe findings on " + screen)
                .isEmpty();
    }

    void assertNoErrors() {
        assertThat(errors).as("console errors (CSP refusals included)").isEmpty();
        assertThat(failedRequests.stream().filter(failure -> !expectedFailures.contains(failure)))
                .as("failed requests")
                .isEmpty();
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

package io.reserva.console;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff console in the system Chromium: sign in, the day as a list and a timeline at desk, tablet and phone
 * widths (screenshots under target/screenshots/console-*), booking through the slot search, a drag onto a taken
 * table and the keyboard move, status moves and their undo, a walk-in, an ended session and a read-only user.
 * Every test fails on a console error (a Content-Security-Policy refusal included), on a failed request it did
 * not expect, and on a serious or critical axe-core finding on each screen it checks.
 */
@IntegrationTest
class ConsoleBrowserIntegrationTests {

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
        for (String table : List.of(table1, table2, table3)) {
            catalog.link(dinner, table, "any_available");
            catalog.everyDay(table, "12:00", "23:00");
        }
        day = LocalDate.now(BERLIN).plusDays(7);
        adminEmail = "host-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        adminId = user(adminEmail, "admin");
        // The stream of live updates is another branch's work: until it lands, its 404 is expected and harmless.
        expectedFailures.add("404 GET /events/stream");
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

    @Test
    void theDemoDayAsAListAndATimelineAtThreeWidths() {
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        book(LocalTime.of(19, 30), 4, table2, "Bruno");
        String cleo = book(LocalTime.of(20, 0), 5, table3, "Cleo");
        TestApi.expect(api.patch(tenant.adminKey(), "/reservations/" + cleo, fields("status", "seated")), 200);
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/reservations/" + book(LocalTime.of(21, 0), 2, table1, "Dora"),
                        fields("status", "cancelled")),
                200);

        open(1280, 900);
        page.navigate(api.base() + "/console?date=" + day + "&view=list");
        page.waitForSelector("#email");
        assertThat(page.locator("#sign-in-message").textContent()).contains("Sign in again");
        assertAccessible("sign-in");
        screenshot("sign-in-1280");
        page.fill("#email", adminEmail);
        page.fill("#password", PASSWORD);
        page.keyboard().press("Enter");
        page.waitForSelector("#reservation-list");
        assertThat(page.url()).as("back to the day asked for").contains("date=" + day);
        assertThat(page.locator("#org-name").textContent())
                .isEqualTo(tenant.organization().get("name").asString());
        assertThat(page.locator("#settings-link").getAttribute("href")).isEqualTo("/console/settings");
        assertThat(page.locator("#count-booked").textContent()).contains("11 covers", "3 parties");
        assertThat(page.locator("#count-seated").textContent()).contains("5 covers");
        assertThat(page.locator("#count-cancellations").textContent()).contains("1 party");
        assertThat(row(ana).textContent()).contains("7:00", "Ana Guest", "Table 1", "Booking page", "Window");
        page.fill("#search", "bruno");
        assertThat(page.locator("#reservation-list tbody tr").count()).isEqualTo(1);
        page.fill("#search", "");
        page.click("button.sort[data-sort=party]");
        page.click("button.sort[data-sort=party]");
        assertThat(page.locator("#reservation-list tbody tr").first().getAttribute("data-reservation"))
                .as("sorted by party size, largest first")
                .isEqualTo(cleo);
        assertAccessible("list");

        for (int[] size : new int[][] {{1280, 900}, {1024, 768}, {375, 812}}) {
            page.setViewportSize(size[0], size[1]);
            goToDay("list");
            screenshot("list-" + size[0]);
            page.click("#view-timeline");
            page.waitForSelector("#timeline .tile");
            screenshot("timeline-" + size[0]);
        }
        assertThat(page.locator(".tl-row[data-resource='" + table3 + "'] .tile").getAttribute("class"))
                .contains("status-seated");
        assertThat(page.locator(".tl-row[data-resource='" + table2 + "'] .tl-closed")
                        .count())
                .as("closed time shaded")
                .isGreaterThan(0);
        assertThat(page.locator(".tl-covers .tl-count").allTextContents()).contains("2", "4", "5");
        assertAccessible("timeline");
        page.click(".tile[data-reservation='" + ana + "']");
        page.waitForSelector("dialog[open]");
        assertAccessible("reservation dialog");
        screenshot("reservation-375");
        assertNoErrors();
    }

    @Test
    void bookThroughTheSlotsDragOntoATakenTableAndMoveByKeyboard() {
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        String bruno = book(LocalTime.of(19, 0), 4, table2, "Bruno");
        open(1280, 900);
        signIn(adminEmail);
        goToDay("list");

        page.click("#new-reservation");
        page.fill("#new-party", "3");
        page.click("#find-times");
        page.waitForSelector("#new-slots button.slot");
        String start = page.locator("#new-slots button.slot").first().getAttribute("data-start");
        page.locator("#new-slots button.slot").first().click();
        page.fill("#new-first-name", "Eva");
        page.fill("#new-email", "eva-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        assertAccessible("new reservation");
        page.click("#new-book");
        page.waitForSelector("#reservation-list tr:has-text('Eva')");
        JsonAssert booked = JsonAssert.of(api.get(tenant.adminKey(), "/reservations?date=" + day + "&party_size=3"));
        assertThat(booked.first("start_datetime")).isEqualTo(start);
        assertThat(booked.first("source")).isEqualTo("manual");

        page.click("#view-timeline");
        Locator tile = page.locator(".tile[data-reservation='" + ana + "']");
        tile.waitFor();
        String left = (String) tile.evaluate("el => el.style.left");
        expectedFailures.add("409 PATCH /reservations/" + ana);
        tile.dragTo(
                page.locator(".tl-lane[data-resource='" + table2 + "']"),
                new Locator.DragToOptions()
                        .setSourcePosition(10, 10)
                        .setTargetPosition(Double.parseDouble(left.replace("px", "")) + 10, 10));
        page.waitForSelector("#alert:has-text('did not work')");
        assertThat(page.locator("#alert").textContent()).contains("did not work");
        Locator back = page.locator(".tl-row[data-resource='" + table1 + "'] .tile[data-reservation='" + ana + "']");
        back.waitFor();
        assertThat((String) back.evaluate("el => el.style.left"))
                .as("the tile returns")
                .isEqualTo(left);
        assertThat(api.get(tenant.adminKey(), "/reservations/" + ana)
                        .body()
                        .get("assigned_resources")
                        .get(0)
                        .get("resource_id")
                        .asString())
                .isEqualTo(table1);
        assertThat(status(bruno)).isEqualTo("confirmed");

        // The keyboard's way: open the tile, Move, a new time and table.
        back.focus();
        page.keyboard().press("Enter");
        page.waitForSelector("#move-reservation");
        page.focus("#move-reservation");
        page.keyboard().press("Enter");
        page.waitForSelector("#move-time");
        page.fill("#move-time", "20:30");
        page.selectOption("#move-resource", table3);
        page.focus("#move-save");
        page.keyboard().press("Enter");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var moved = api.get(tenant.adminKey(), "/reservations/" + ana).body();
            assertThat(moved.get("start_datetime").asString())
                    .isEqualTo(day.atTime(20, 30).atZone(BERLIN).toInstant().toString());
            assertThat(moved.get("assigned_resources").get(0).get("resource_id").asString())
                    .isEqualTo(table3);
        });
        page.waitForSelector(".tl-row[data-resource='" + table3 + "'] .tile[data-reservation='" + ana + "']");
        assertNoErrors();
    }

    @Test
    void seatCompleteNoShowWithUndoAndAWalkIn() {
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        String bruno = book(LocalTime.of(19, 0), 4, table2, "Bruno");
        open(1024, 768);
        signIn(adminEmail);
        goToDay("list");

        row(ana).locator("button[data-to=seated]").click();
        page.waitForSelector("#toast");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ana).equals("seated"));
        page.waitForSelector("tr[data-reservation='" + ana + "'] button[data-to=completed]");
        row(ana).locator("button[data-to=completed]").click();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ana).equals("completed"));

        row(bruno).locator("button[data-to=no_show]").click();
        page.waitForSelector("#toast #undo");
        assertAccessible("undo");
        page.click("#undo");
        await().during(Duration.ofSeconds(7))
                .atMost(Duration.ofSeconds(10))
                .until(() -> status(bruno).equals("confirmed"));
        page.waitForSelector("tr[data-reservation='" + bruno + "'] button[data-to=no_show]");
        row(bruno).locator("button[data-to=no_show]").click();
        await().atMost(Duration.ofSeconds(20)).until(() -> status(bruno).equals("no_show"));
        page.waitForSelector("#count-noShows:has-text('4 covers')");

        // A walk-in is seated now, on today's page.
        page.navigate(api.base() + "/console");
        page.waitForSelector("#reservation-list");
        page.click("#walk-in");
        page.fill("#walk-party", "3");
        page.selectOption("#walk-table", table3);
        assertAccessible("walk-in");
        page.click("#walk-seat");
        page.waitForSelector("#reservation-list tr[data-status=seated]");
        var walkIns = api.get(tenant.adminKey(), "/reservations?source=walk_in")
                .body()
                .get("data");
        assertThat(walkIns).hasSize(1);
        assertThat(walkIns.get(0).get("status").asString()).isEqualTo("seated");
        assertThat(walkIns.get(0).get("contact").isNull()).isTrue();
        assertThat(walkIns.get(0)
                        .get("assigned_resources")
                        .get(0)
                        .get("resource_id")
                        .asString())
                .isEqualTo(table3);
        assertNoErrors();
    }

    @Test
    void anEndedSessionGoesToSignInAndComesBackToTheSameDay() {
        open(1280, 900);
        signIn(adminEmail);
        goToDay("timeline");
        TestApi.expect(api.delete(tenant.adminKey(), "/users/" + adminId + "/sessions"), 200);
        expectedFailures.add("401 GET /organizations/" + tenant.id() + "/days/" + day.plusDays(1));
        page.click("#next-day");
        page.waitForSelector("#email");
        assertThat(page.locator("#sign-in-message").textContent()).contains("session ended");
        page.fill("#email", adminEmail);
        page.fill("#password", PASSWORD);
        page.click("form.sign-in button[type=submit]");
        page.waitForSelector("#timeline");
        assertThat(page.url()).contains("date=" + day.plusDays(1), "view=timeline");
        assertThat(page.inputValue("#date")).isEqualTo(day.plusDays(1).toString());
        assertNoErrors();
    }

    @Test
    void aReadOnlyUserSeesTheDayButNoEditControls() {
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        user(email, "read_only");
        open(375, 812);
        signIn(email);
        goToDay("list");
        assertThat(row(ana).textContent()).contains("Ana Guest");
        assertThat(page.locator("#new-reservation").count()).isZero();
        assertThat(page.locator("#walk-in").count()).isZero();
        assertThat(page.locator("#settings-link").count()).isZero();
        assertThat(page.locator("button[data-to]").count()).isZero();
        page.click("#view-timeline");
        page.waitForSelector(".tile[data-reservation='" + ana + "']");
        assertThat(page.locator(".tile[draggable=true]").count()).isZero();
        page.click(".tile[data-reservation='" + ana + "']");
        page.waitForSelector("dialog[open]");
        assertThat(page.locator("dialog button[data-to], #edit-reservation, #move-reservation")
                        .count())
                .isZero();
        assertThat(page.getByRole(AriaRole.DIALOG).textContent()).contains("Table 1");
        screenshot("read-only-375");
        assertNoErrors();
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

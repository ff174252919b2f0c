package io.reserva.console.bench;

import static io.reserva.support.TestApi.fields;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's speed in headless Chromium (issue 11 "Speed"): a change made in one open console reaching
 * another open console, and the 60-resource/400-reservation day's timeline drawn and stable from navigation.
 * Not part of the suite ({@code bench} is excluded); run with {@code ./mvnw -q -o test
 * -Dtest=ConsoleLiveBenchmark -Djacoco.skip=true -Dsurefire.failIfNoSpecifiedTests=false} and read what it prints.
 *
 * <p>Console to console: two browser contexts signed in as two users of one venue, both on the day's list. Each
 * change is the {@code PATCH /reservations/{id}} the console's edit dialog sends, issued from console A's page
 * with its session and CSRF token; the time runs from just before A sends it ({@code Date.now()} in A) to the
 * first animation frame in which console B's list shows the new note ({@code Date.now()} in B, same machine
 * clock). Timeline: {@code bench/DayDataset.java} loads the day into this app; the time is from navigation start
 * to the last change of the page's DOM, once every tile is drawn and nothing has changed for a second. Beside it,
 * to split where the time goes: when the day's request was answered (its first and last byte, from the browser's
 * resource timing) and when the console marked the day drawn ({@code performance.mark("reserva:day-drawn")}).
 *
 * <p>{@code -Dbench.part=timeline} (or {@code live}) runs one half; {@code -Dbench.loads=N} sets the timeline's
 * loads (5). {@code bench/console-timeline.sh} runs the timeline half.
 */
@IntegrationTest
class ConsoleLiveBenchmark {

    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final String PASSWORD = "amber-quarry-violin-58";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int WARM_UP = 5;
    private static final int CHANGES = 50;
    private static final int LOADS = Integer.getInteger("bench.loads", 5);
    private static final boolean CPU_PROFILE = Boolean.getBoolean("bench.cpu-profile");
    /**
     * {@code -Dbench.from=blank}: each load starts from an empty page, as opening the console does; the default
     * ({@code console}) navigates from the console page of the load before, as a reload does, so each load also
     * pays for tearing that page (400 tiles, an open stream) down.
     */
    private static final String FROM = System.getProperty("bench.from", "console");

    private static final int WARM_UP_DAYS = Integer.getInteger("bench.warm-up-days", 300);
    private static final String PART = System.getProperty("bench.part", "all");

    @LocalServerPort
    int port;

    @Test
    void measure() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing");
        }
        try (Playwright playwright = Playwright.create(
                        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser chromium = playwright
                        .chromium()
                        .launch(new BrowserType.LaunchOptions()
                                .setExecutablePath(CHROMIUM)
                                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run")))) {
            TestApi api = new TestApi(port);
            if (!PART.equals("timeline")) {
                consoleToConsole(api, chromium);
            }
            if (!PART.equals("live")) {
                timeline(api, chromium);
            }
        }
        System.out.println("load average after: "
                + Files.readString(Paths.get("/proc/loadavg")).trim());
    }

    private void consoleToConsole(TestApi api, Browser chromium) {
        TestApi.Tenant tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        String dinner = catalog.service(
                fields("name", "Dinner", "duration_minutes", 90, "slot_interval", 30, "max_party_size", 6));
        String table = catalog.resource("Table 1", "table", 4);
        catalog.link(dinner, table, "any_available");
        catalog.everyDay(table, "12:00", "23:00");
        LocalDate day = LocalDate.now(BERLIN).plusDays(7);
        TestApi.Response booked = api.post(
                tenant.adminKey(),
                "/reservations",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "start_datetime",
                        day.atTime(19, 0).atZone(BERLIN).toInstant().toString(),
                        "contact",
                        fields("first_name", "Ana", "last_name", "Guest", "email", "ana@example.com")));
        TestApi.expect(booked, 201);
        String reservation = booked.get("id");

        Page a = console(chromium, api, tenant, day, "list", user(api, tenant));
        Page b = console(chromium, api, tenant, day, "list", user(api, tenant));
        String csrf = (String)
                a.evaluate(
                        "async () => (await (await fetch('/sessions/current', {credentials: 'same-origin'})).json()).csrf_token");
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + CHANGES; i++) {
            String note = "bench-note-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            Object sentAt = a.evaluate(
                    "async ([id, note, csrf]) => { const sent = Date.now();"
                            + " const r = await fetch('/reservations/' + id, {method: 'PATCH', credentials: 'same-origin',"
                            + " headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf},"
                            + " body: JSON.stringify({internal_notes: note})});"
                            + " if (r.status !== 200) { throw new Error('PATCH ' + r.status); } return sent; }",
                    List.of(reservation, note, csrf));
            Object shownAt = b.waitForFunction(
                            "note => document.querySelector('#reservation-list').textContent.includes(note)"
                                    + " ? Date.now() : false",
                            note,
                            new Page.WaitForFunctionOptions().setTimeout(10_000)) // polled every animation frame
                    .jsonValue();
            if (i >= WARM_UP) {
                millis.add(((Number) shownAt).doubleValue() - ((Number) sentAt).doubleValue());
            }
        }
        System.out.println("CONSOLE -> CONSOLE over " + CHANGES + " changes (ms): " + summary(millis));
        a.context().close();
        b.context().close();
    }

    private void timeline(TestApi api, Browser chromium) throws Exception {
        Process loader = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "bench/DayDataset.java",
                        api.base(),
                        TestApi.PLATFORM_KEY)
                .redirectErrorStream(true)
                .start();
        String last = null;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(loader.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (loader.waitFor() != 0 || last == null) {
            throw new IllegalStateException("bench/DayDataset.java failed: " + last);
        }
        String[] loaded = last.trim().split("\\s+");
        String org = loaded[0];
        LocalDate day = LocalDate.parse(loaded[1]);
        String key = loaded[2];
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestApi.expect(
                api.post(key, "/users", fields("email", email, "name", "Bench", "role", "admin", "password", PASSWORD)),
                201);
        // The server as it runs all day, not just started: the day's answer (its own benchmark, bench/http-day.sh,
        // is measured warm too) is asked for until the JIT has compiled it; on a cold JVM the first answers took
        // 150-200 ms against 28 ms warm. Loads of the browser follow.
        for (int i = 0; i < WARM_UP_DAYS; i++) {
            TestApi.expect(api.get(key, "/organizations/" + org + "/days/" + day), 200);
        }
        BrowserContext context = chromium.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
        // Every DOM change is stamped (ms since navigation start) by a script that runs before the page's own.
        // What changed last is kept too (element, id or class, kind of change), to tell what keeps a load unstable.
        context.addInitScript("new MutationObserver(records => { window.__lastChange = performance.now();"
                + " const r = records[records.length - 1]; const t = r.target.nodeType === 1 ? r.target"
                + " : r.target.parentElement; window.__lastWhat = r.type + ' ' + (r.attributeName || '') + ' on '"
                + " + (t ? t.tagName.toLowerCase() + (t.id ? '#' + t.id : t.className ? '.' + t.className : '') : '?'); })"
                + ".observe(document, {subtree: true, childList: true, attributes: true, characterData: true});");
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        signIn(page, api, email);
        List<Double> millis = new ArrayList<>();
        List<Double> firstByte = new ArrayList<>();
        List<Double> lastByte = new ArrayList<>();
        List<Double> drawn = new ArrayList<>();
        List<Double> firstRead = new ArrayList<>();
        Map<String, Integer> lastWhat = new java.util.TreeMap<>();
        int tiles = 0;
        com.microsoft.playwright.CDPSession cdp = null;
        for (int i = 0; i < LOADS + 1; i++) {
            if (CPU_PROFILE && i == LOADS) {
                // The last load under Chromium's sampling profiler: where the page's own time goes.
                cdp = context.newCDPSession(page);
                cdp.send("Profiler.enable");
                cdp.send(
                        "Profiler.setSamplingInterval",
                        new com.google.gson.JsonParser()
                                .parse("{\"interval\":200}")
                                .getAsJsonObject());
                cdp.send("Profiler.start");
            }
            if (FROM.equals("blank")) {
                page.navigate("about:blank");
            }
            page.navigate(api.base() + "/console?date=" + day + "&view=timeline");
            page.waitForSelector("#timeline .tile");
            page.waitForFunction(
                    "() => window.__lastChange !== undefined && performance.now() - window.__lastChange > 1000",
                    null,
                    new Page.WaitForFunctionOptions().setPollingInterval(50));
            tiles = page.locator("#timeline .tile").count();
            if (i > 0) {
                millis.add(((Number) page.evaluate("() => window.__lastChange")).doubleValue());
                @SuppressWarnings("unchecked")
                List<Number> marks = (List<Number>) page.evaluate("() => {"
                        + " const r = performance.getEntriesByType('resource').find(e => e.name.includes('/days/'));"
                        + " const d = performance.getEntriesByName('reserva:day-drawn')[0];"
                        + " const s = performance.getEntriesByType('resource').find(e => e.name.endsWith('/sessions/current'));"
                        + " return [r ? r.responseStart : -1, r ? r.responseEnd : -1, d ? d.startTime : -1,"
                        + " s ? s.startTime : -1]; }");
                lastWhat.merge((String) page.evaluate("() => window.__lastWhat"), 1, Integer::sum);
                firstByte.add(marks.get(0).doubleValue());
                lastByte.add(marks.get(1).doubleValue());
                drawn.add(marks.get(2).doubleValue());
                firstRead.add(marks.get(3).doubleValue());
            }
        }
        System.out.println("TIMELINE of organization " + org + " on " + day + ", " + tiles + " tiles, drawn and stable"
                + " from navigation over " + LOADS + " loads (from the " + FROM + " page) after " + WARM_UP_DAYS
                + " reads of the day (ms): "
                + summary(millis));
        System.out.println("  the first read (the session) leaves (ms from navigation): " + summary(firstRead));
        System.out.println("  the day's answer, first byte (ms from navigation): " + summary(firstByte));
        System.out.println("  the day's answer, last byte: " + summary(lastByte));
        System.out.println("  the day drawn (performance mark): " + summary(drawn));
        System.out.println("  the last change of each load: " + lastWhat);
        // The same answer asked for alone, by the page with its session, 20 times in a row: the server's time
        // without the other first reads, the stream and the drawing beside it.
        @SuppressWarnings("unchecked")
        List<Number> alone = (List<Number>) page.evaluate(
                "async url => { const times = [];"
                        + " for (let i = 0; i < 20; i++) { const t0 = performance.now(); await (await fetch(url)).text();"
                        + " times.push(performance.now() - t0); } return times; }",
                "/organizations/" + org + "/days/" + day);
        System.out.println("  the day's answer alone (fetched 20 times in a row by the page): "
                + summary(alone.stream().map(Number::doubleValue).toList()));
        if (cdp != null) {
            printProfile(cdp.send("Profiler.stop").getAsJsonObject("profile"));
        }
        // Where the last load's time went: each request's start, first byte and end, and the page's own marks.
        System.out.println("  waterfall of the last load (ms from navigation: start / first byte / end):");
        @SuppressWarnings("unchecked")
        List<String> waterfall = (List<String>) page.evaluate("() => performance.getEntries()"
                + ".filter(e => e.entryType === 'resource' || e.entryType === 'navigation' || e.entryType === 'mark'"
                + " || e.entryType === 'paint')"
                + ".map(e => e.startTime.toFixed(0) + ' / ' + (e.responseStart ? e.responseStart.toFixed(0) : '-')"
                + " + ' / ' + (e.responseEnd ? e.responseEnd.toFixed(0) : '-') + '  ' + e.entryType + ' '"
                + " + e.name.replace(location.origin, ''))");
        waterfall.forEach(line -> System.out.println("    " + line));
        System.out.println("    "
                + page.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                        + " return 'navigation: previous page unloaded ' + n.unloadEventEnd.toFixed(0) + ', DOM interactive '"
                        + " + n.domInteractive.toFixed(0) + ', DOMContentLoaded ' + n.domContentLoadedEventStart.toFixed(0)"
                        + " + ' (ms from navigation)'; }"));
        context.close();
    }

    /** Self time per function of a CPU profile (Chromium's Profiler domain), the largest first. */
    private static void printProfile(com.google.gson.JsonObject profile) {
        Map<Integer, String> names = new java.util.HashMap<>();
        for (var node : profile.getAsJsonArray("nodes")) {
            var frame = node.getAsJsonObject().getAsJsonObject("callFrame");
            String url = frame.get("url").getAsString().replaceAll(".*/", "");
            names.put(
                    node.getAsJsonObject().get("id").getAsInt(),
                    frame.get("functionName").getAsString() + " " + url + ":"
                            + (frame.get("lineNumber").getAsInt() + 1));
        }
        Map<String, Double> self = new java.util.HashMap<>();
        var samples = profile.getAsJsonArray("samples");
        var deltas = profile.getAsJsonArray("timeDeltas");
        for (int i = 0; i < samples.size(); i++) {
            self.merge(names.get(samples.get(i).getAsInt()), deltas.get(i).getAsDouble() / 1000, Double::sum);
        }
        System.out.println("  CPU profile of the last load, self time (ms):");
        self.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(25)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %7.1f  %s%n", e.getValue(), e.getKey()));
    }

    private static String user(TestApi api, TestApi.Tenant tenant) {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/users",
                        fields("email", email, "name", "Bench", "role", "staff", "password", PASSWORD)),
                201);
        return email;
    }

    private static Page console(
            Browser chromium, TestApi api, TestApi.Tenant tenant, LocalDate day, String view, String email) {
        Page page = chromium.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 900)
                        .setLocale("en-GB"))
                .newPage();
        page.setDefaultTimeout(30_000);
        signIn(page, api, email);
        page.navigate(api.base() + "/console?date=" + day + "&view=" + view);
        page.waitForSelector("#live.on");
        return page;
    }

    private static void signIn(Page page, TestApi api, String email) {
        page.navigate(api.base() + "/");
        page.waitForSelector("#email");
        page.fill("#email", email);
        page.fill("#password", PASSWORD);
        page.click("form.sign-in button[type=submit]");
        page.waitForSelector("#day-title");
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "p50 %.0f, p95 %.0f, max %.0f",
                sorted.get((int) Math.round(0.50 * (sorted.size() - 1))),
                sorted.get((int) Math.round(0.95 * (sorted.size() - 1))),
                sorted.get(sorted.size() - 1));
    }
}

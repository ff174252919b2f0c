package io.reserva.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * The system Chromium driven by Playwright, never a downloaded browser, started once per test JVM and shared by
 * every browser test class (each test gets a context of its own, so no cookie or storage crosses tests). Without
 * {@code /usr/bin/chromium} the browser tests are skipped with a loud reason, unless
 * {@code RESERVA_REQUIRE_BROWSER=true} (CI), which makes them fail instead.
 */
public final class Chromium {

    public static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    private static Chromium shared;

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** The JVM's Chromium, started at the first call and closed when the JVM ends. */
    public static synchronized Chromium shared() {
        if (shared == null) {
            shared = launch();
            Chromium started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "chromium-shutdown"));
        }
        return shared;
    }

    private static Chromium launch() {
        try {
            requireChromium(EXECUTABLE, System.getenv("RESERVA_REQUIRE_BROWSER"));
        } catch (TestAbortedException skipped) {
            // Said here, where browser tests really skip, not in the test of the rule itself.
            System.err.println("\n*** " + skipped.getMessage() + " ***\n");
            throw skipped;
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** Skips (aborts) the calling tests when Chromium is missing, or fails them when the browser is required. */
    public static void requireChromium(Path chromium, String requireBrowser) {
        if (Files.isExecutable(chromium)) {
            return;
        }
        String reason = "BROWSER TESTS SKIPPED: " + chromium + " is missing. Install it (Debian: apt-get install"
                + " chromium) to run the browser tests (booking pages, console, settings) in a real browser.";
        if ("true".equalsIgnoreCase(requireBrowser)) {
            Assertions.fail(reason.replace("SKIPPED", "REQUIRED (RESERVA_REQUIRE_BROWSER=true)"));
        }
        Assumptions.abort(reason);
    }

    /**
     * A page in a new browser context that records console errors (a Content-Security-Policy refusal is one),
     * script errors, and every request that failed: a 4xx or 5xx answer, or no answer at all.
     */
    public BrowserTab open(NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            // Chromium logs every 4xx answer; whether one was expected is the failed-request list's question.
            if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
                errors.add(message.text());
            }
        });
        page.onPageError(errors::add);
        List<String> failedRequests = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400) {
                failedRequests.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        page.onRequestFailed(request ->
                failedRequests.add("no answer (" + request.failure() + ") " + request.method() + " " + request.url()));
        return new BrowserTab(context, page, errors, failedRequests, new CopyOnWriteArrayList<>());
    }

    private void close() {
        browser.close();
        playwright.close();
    }
}

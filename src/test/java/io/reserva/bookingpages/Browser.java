package io.reserva.bookingpages;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.function.Predicate;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * The system Chromium driven by Playwright, never a downloaded browser. Without {@code /usr/bin/chromium} the
 * browser tests are skipped with a loud reason, unless {@code RESERVA_REQUIRE_BROWSER=true} (CI), which makes them
 * fail instead.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browser launch() {
        try {
            requireChromium(CHROMIUM, System.getenv("RESERVA_REQUIRE_BROWSER"));
        } catch (TestAbortedException skipped) {
            // Said here, where browser tests really skip, not in the test of the rule itself.
            System.err.println("\n*** " + skipped.getMessage() + " ***\n");
            throw skipped;
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        return new Browser(playwright, browser);
    }

    /** Skips (aborts) the calling tests when Chromium is missing, or fails them when the browser is required. */
    static void requireChromium(Path chromium, String requireBrowser) {
        if (Files.isExecutable(chromium)) {
            return;
        }
        String reason = "BROWSER TESTS SKIPPED: " + chromium + " is missing. Install it (Debian: apt-get install"
                + " chromium) to run the booking page tests in a real browser.";
        if ("true".equalsIgnoreCase(requireBrowser)) {
            Assertions.fail(reason.replace("SKIPPED", "REQUIRED (RESERVA_REQUIRE_BROWSER=true)"));
        }
        Assumptions.abort(reason);
    }

    /**
     * A phone-sized page (375 px wide) that records console errors (such as Content-Security-Policy refusals) and
     * every request that failed: a 4xx or 5xx answer, or no answer at all.
     */
    Phone phone(String locale) {
        BrowserContext context = browser.newContext(new NewContextOptions()
                .setViewportSize(375, 812)
                .setLocale(locale)
                .setTimezoneId("Europe/Berlin")
                .setHasTouch(true));
        Page page = context.newPage();
        page.setDefaultTimeout(15_000);
        List<String> errors = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            // A 4xx the page expects (a taken slot, a lapsed hold) is logged by Chromium; it is not a page error.
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
        return new Phone(context, page, errors, failedRequests, new CopyOnWriteArrayList<>());
    }

    record Phone(
            BrowserContext context,
            Page page,
            List<String> errors,
            List<String> failedRequests,
            List<Predicate<String>> expectedFailures)
            implements AutoCloseable {

        /**
         * A failed request the test provokes on purpose (a taken start answers 409 by design): its status, method
         * and a part of its path. Every other failed request fails {@link #assertNoErrors()}.
         */
        void expectFailure(int status, String method, String pathPart) {
            String prefix = status + " " + method + " ";
            expectedFailures.add(failure -> failure.startsWith(prefix) && failure.contains(pathPart));
        }

        /** Presses Tab until the focused element matches the selector: proves it is reachable by keyboard. */
        void tabTo(String selector) {
            for (int i = 0; i < 60; i++) {
                Boolean focused = (Boolean) page.evaluate(
                        "s => document.activeElement !== null && document.activeElement.matches(s)", selector);
                if (Boolean.TRUE.equals(focused)) {
                    return;
                }
                page.keyboard().press("Tab");
            }
            throw new AssertionError("Could not reach " + selector + " with the Tab key");
        }

        String focused() {
            return (String) page.evaluate("() => document.activeElement && (document.activeElement.id"
                    + " || document.activeElement.tagName)");
        }

        void screenshot(String name) {
            try {
                Files.createDirectories(SCREENSHOTS);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + ".png"))
                    .setFullPage(true));
        }

        /**
         * No script errors, no Content-Security-Policy refusals and no failed requests (a missing image, a 404 of
         * the favicon, a 500 of the API) happened on the page, apart from those the test expected.
         */
        void assertNoErrors() {
            assertThat(errors).as("console errors").isEmpty();
            assertThat(failedRequests.stream()
                            .filter(failure -> expectedFailures.stream().noneMatch(expected -> expected.test(failure))))
                    .as("failed requests")
                    .isEmpty();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}

package io.reserva.users.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.RequestOptions;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The system Chromium for the console's settings screens, never a downloaded browser: a desktop-sized page that
 * records console errors (a Content-Security-Policy refusal is one) and every failed request, takes screenshots
 * at the three widths the console supports, and runs axe-core. Without {@code /usr/bin/chromium} the tests are
 * skipped, unless {@code RESERVA_REQUIRE_BROWSER=true} (CI) makes them fail.
 */
final class SettingsBrowser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final int[] WIDTHS = {1280, 1024, 375};

    private final Playwright playwright;
    private final Browser browser;

    private SettingsBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static SettingsBrowser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = "BROWSER TESTS SKIPPED: " + CHROMIUM + " is missing (Debian: apt-get install chromium)";
            if ("true".equalsIgnoreCase(System.getenv("RESERVA_REQUIRE_BROWSER"))) {
                Assertions.fail(reason);
            }
            System.err.println("\n*** " + reason + " ***\n");
            Assumptions.abort(reason);
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
        return new SettingsBrowser(playwright, browser);
    }

    static final String PASSWORD = "Harbor-lantern-7Quiet";

    /** A new user of the tenant with {@link #PASSWORD}; answers the email. */
    static String user(TestApi api, Tenant tenant, String role, String name) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/users",
                        TestApi.fields("email", email, "name", name, "role", role, "password", PASSWORD)),
                201);
        return email;
    }

    /** A screen signed in through the API in the browser context's own request context, so the cookie is shared. */
    Screen signedIn(TestApi api, String email, String locale) {
        Screen screen = screen(locale);
        APIResponse answer = screen.context()
                .request()
                .post(
                        api.base() + "/sessions",
                        RequestOptions.create()
                                .setHeader("Content-Type", "application/json")
                                .setData(TestApi.json(TestApi.fields("email", email, "password", PASSWORD))));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
        return screen;
    }

    Screen screen(String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 900)
                .setLocale(locale)
                .setTimezoneId("Europe/Berlin"));
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
        List<String> failed = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.status() >= 400) {
                failed.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
        page.onRequestFailed(request -> failed.add("no answer " + request.method() + " " + request.url()));
        // The page asks before deleting or revoking; the tests say yes.
        page.onDialog(dialog -> dialog.accept());
        return new Screen(context, page, errors, failed, new CopyOnWriteArrayList<>());
    }

    record Screen(
            BrowserContext context,
            Page page,
            List<String> errors,
            List<String> failedRequests,
            List<Predicate<String>> expected)
            implements AutoCloseable {

        /** Waits for the selector; a timeout says what the page showed and logged, which a timeout alone does not. */
        void waitFor(String selector) {
            try {
                page.waitForSelector(selector);
            } catch (PlaywrightException e) {
                throw new AssertionError(
                        "Waited for " + selector + ". Status lines: "
                                + page.locator("p.status").allTextContents() + "; console errors: " + errors
                                + "; failed requests: " + failedRequests,
                        e);
            }
        }

        void expectFailure(int status, String method, String pathPart) {
            expected.add(f -> f.startsWith(status + " " + method + " ") && f.contains(pathPart));
        }

        void tabTo(String selector) {
            for (int i = 0; i < 80; i++) {
                if (Boolean.TRUE.equals(page.evaluate(
                        "s => document.activeElement !== null && document.activeElement.matches(s)", selector))) {
                    return;
                }
                page.keyboard().press("Tab");
            }
            throw new AssertionError("Could not reach " + selector + " with the Tab key");
        }

        /** The page as it is, at each supported width; back at 1280 afterwards. */
        void screenshots(String name) {
            try {
                Files.createDirectories(SCREENSHOTS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int width : WIDTHS) {
                page.setViewportSize(width, 900);
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(SCREENSHOTS.resolve("console-settings-" + name + "-" + width + ".png"))
                        .setFullPage(true));
                assertThat((Boolean) page.evaluate(
                                "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                        .as("%s fits %d px without scrolling sideways", name, width)
                        .isTrue();
            }
            page.setViewportSize(1280, 900);
        }

        /** No serious or critical axe-core violation on the page as it is now. */
        void assertAccessible(String name) {
            List<Rule> violations = new AxeBuilder(page).analyze().getViolations();
            String found = violations.stream()
                    .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                    .map(rule -> rule.getId() + " (" + rule.getImpact() + "): "
                            + rule.getNodes().stream()
                                    .map(node -> String.valueOf(node.getTarget()))
                                    .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            assertThat(found)
                    .as("serious or critical accessibility violations on " + name)
                    .isEmpty();
        }

        void assertNoErrors() {
            assertThat(errors).as("console errors").isEmpty();
            assertThat(failedRequests.stream().filter(f -> expected.stream().noneMatch(e -> e.test(f))))
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

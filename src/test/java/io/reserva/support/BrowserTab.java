package io.reserva.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A page of {@link Chromium} in a browser context of its own, with what the browser tests check on every screen:
 * no console or script error (a Content-Security-Policy refusal included), no failed request the test did not
 * expect, no serious or critical axe-core finding, every control reachable by keyboard; screenshots go to
 * {@code target/screenshots/}.
 *
 * @param context the browser context (its cookies are this tab's alone)
 * @param page the page
 * @param errors console and script errors, in order
 * @param failedRequests {@code "<status> <method> <url>"} or {@code "no answer (<why>) <method> <url>"}
 * @param expected failed requests the test provokes on purpose
 */
public record BrowserTab(
        BrowserContext context,
        Page page,
        List<String> errors,
        List<String> failedRequests,
        List<Predicate<String>> expected)
        implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    /**
     * A failed request the test provokes on purpose (a taken start answers 409 by design): its status, method
     * and a part of its URL. Every other failed request fails {@link #assertNoErrors()}.
     */
    public void expectFailure(int status, String method, String urlPart) {
        String prefix = status + " " + method + " ";
        expected.add(failure -> failure.startsWith(prefix) && failure.contains(urlPart));
    }

    /**
     * A request the page may leave without an answer on purpose: an open event stream is cut off (net::ERR_ABORTED)
     * when the page navigates away, which is how a stream ends.
     */
    public void expectCutOff(String urlPart) {
        expected.add(failure -> failure.startsWith("no answer (net::ERR_ABORTED) ") && failure.contains(urlPart));
    }

    /**
     * Signs in through the API in the browser context's own request context, so the page shares the session
     * cookie; the sign-in form is the console tests' to prove.
     */
    public void signIn(String base, String email, String password) {
        APIResponse answer = context.request()
                .post(
                        base + "/sessions",
                        RequestOptions.create()
                                .setHeader("Content-Type", "application/json")
                                .setData(TestApi.json(TestApi.fields("email", email, "password", password))));
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    /** Waits for the selector; a timeout says what the page logged and which requests failed. */
    public void waitFor(String selector) {
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

    /** Presses Tab until the focused element matches the selector: proves it is reachable by keyboard. */
    public void tabTo(String selector) {
        for (int i = 0; i < 80; i++) {
            if (Boolean.TRUE.equals(page.evaluate(
                    "s => document.activeElement !== null && document.activeElement.matches(s)", selector))) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Could not reach " + selector + " with the Tab key");
    }

    /** The focused element's id, or its tag name when it has none. */
    public String focused() {
        return (String) page.evaluate(
                "() => document.activeElement && (document.activeElement.id" + " || document.activeElement.tagName)");
    }

    /** The whole page as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /**
     * No serious or critical axe-core finding on what the page shows now. Legacy mode runs axe in the page
     * itself; the default mode opens a blank page per check to merge results across cross-origin frames, which our
     * screens do not have, and cost about 2 s a check (0.65 s in legacy mode) on the 2-core machine.
     */
    public void assertAccessible(String screen) {
        List<Rule> violations =
                new AxeBuilder(page).setLegacyMode(true).analyze().getViolations();
        String found = violations.stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " "
                        + rule.getNodes().stream()
                                .map(node -> String.valueOf(node.getTarget()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        assertThat(found)
                .as("serious or critical accessibility violations on " + screen)
                .isEmpty();
    }

    /**
     * No script errors, no Content-Security-Policy refusals and no failed requests (a missing image, a 404 of the
     * favicon, a 500 of the API) happened on the page, apart from those the test expected.
     */
    public void assertNoErrors() {
        assertThat(errors).as("console errors (CSP refusals included)").isEmpty();
        assertThat(failedRequests.stream()
                        .filter(failure -> expected.stream().noneMatch(expected -> expected.test(failure))))
                .as("failed requests")
                .isEmpty();
    }

    @Override
    public void close() {
        context.close();
    }
}

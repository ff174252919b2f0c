package io.reserva.console;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The waitlist panel beside the day, in Chromium: parties that join through the API appear in it (by the live
 * stream, no reload); a host offers a table, seats a party by keyboard (a reservation on the timeline) and by dragging
 * it onto a timeline row, removes one, overrides a quote and sees it turn red once the quote is exceeded (the page's
 * clock moved by Playwright, not waited for), and adds a walk-in to the line. Fails on any console error, CSP refusal
 * or unexpected failed request; axe on the panel and its dialogs; screenshots at 1280, 1024 and 375 px.
 */
@IntegrationTest
class ConsoleWaitlistBrowserIntegrationTests extends ConsoleBrowser {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Test
    void hostsWorkTheQueueFromThePanel() {
        String ana = join("Ana", 2);
        String bruno = join("Bruno", 4);
        String cleo = join("Cleo", 2);
        open(1280, 900);
        // The page's timers on a clock the test can move: the countdown turns red when the test says.
        page.clock().install();
        signIn(adminEmail);
        page.waitForSelector("#wl-now li[data-entry='" + cleo + "']");
        assertThat(page.locator("#wl-now li").count()).isEqualTo(3);
        assertThat(entry(ana).locator(".wl-position [aria-hidden]").textContent())
                .isEqualTo("#1");
        assertThat(entry(cleo).locator(".wl-position [aria-hidden]").textContent())
                .isEqualTo("#3");
        assertThat(entry(cleo).locator(".wl-position .visually-hidden").textContent())
                .isEqualTo("Place 3 in line");
        page.evaluate("() => { window.sameDocument = true; }");

        // A party joining through the API appears by itself.
        String dani = join("Dani", 2);
        page.waitForSelector("#wl-now li[data-entry='" + dani + "']");
        assertThat(page.evaluate("() => window.sameDocument === true")).isEqualTo(true);
        assertAccessible("waitlist panel");
        screenshot("waitlist-1280");

        // Offer: Bruno's table is ready.
        entry(bruno).locator("#wl-offer-" + bruno).focus();
        page.keyboard().press("Enter");
        await().atMost(Duration.ofSeconds(15)).until(() -> "offered".equals(entryStatus(bruno)));
        page.waitForSelector("li[data-entry='" + bruno + "'] #wl-unoffer-" + bruno);
        assertThat(entry(bruno).textContent()).contains("Called at");

        // Seat by keyboard: the dialog, a table, a reservation on the timeline.
        page.focus("#wl-seat-" + ana);
        page.keyboard().press("Enter");
        page.waitForSelector("#wl-seat-table");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("wl-seat-table");
        page.selectOption("#wl-seat-table", table2);
        assertAccessible("seat dialog");
        page.focus("#wl-seat-save");
        page.keyboard().press("Enter");
        await().atMost(Duration.ofSeconds(15)).until(() -> "seated".equals(entryStatus(ana)));
        String reservation =
                api.get(tenant.adminKey(), "/waitlist-entries/" + ana).get("reservation_id");
        page.waitForSelector("li[data-entry='" + ana + "']", waitGone());
        page.click("#view-timeline");
        page.waitForSelector(".tl-row[data-resource='" + table2 + "'] .tile[data-reservation='" + reservation + "']");
        assertThat(api.get(tenant.adminKey(), "/reservations/" + reservation).get("status"))
                .isEqualTo("seated");

        // Remove (declined by the venue), after a confirmation.
        page.focus("#wl-remove-" + cleo);
        page.keyboard().press("Enter");
        page.waitForSelector("#wl-remove-confirm");
        assertAccessible("remove dialog");
        page.click("#wl-remove-confirm");
        await().atMost(Duration.ofSeconds(15)).until(() -> "declined_by_merchant".equals(entryStatus(cleo)));
        page.waitForSelector("li[data-entry='" + cleo + "']", waitGone());

        // A staff quote one to two minutes from now counts down, and is red once it has passed.
        ZonedDateTime now = ZonedDateTime.now(BERLIN).truncatedTo(ChronoUnit.MINUTES);
        page.focus("#wl-quote-" + dani);
        page.keyboard().press("Enter");
        page.waitForSelector("#wl-quote-from");
        page.fill("#wl-quote-from", now.plusMinutes(2).format(HH_MM));
        page.fill("#wl-quote-to", now.plusMinutes(3).format(HH_MM));
        assertAccessible("quote dialog");
        page.click("#wl-quote-save");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> api.get(tenant.adminKey(), "/waitlist-entries/" + dani)
                        .body()
                        .get("quote_overridden")
                        .asBoolean());
        page.waitForSelector("li[data-entry='" + dani + "'] .wl-quote:has-text('(staff)')");
        assertThat(entry(dani).locator(".wl-countdown").textContent()).startsWith("in ");
        assertThat(entry(dani).getAttribute("class")).doesNotContain("late");
        page.clock().fastForward(5 * 60_000);
        page.waitForSelector("li.late[data-entry='" + dani + "'] .wl-countdown.late");
        assertThat(entry(dani).locator(".wl-countdown").textContent()).contains("over the quote");
        assertThat((String) entry(dani).locator(".wl-countdown").evaluate("el => getComputedStyle(el).color"))
                .as("red")
                .isEqualTo("rgb(180, 35, 24)");
        screenshot("waitlist-late-1280");

        // Drag Dani onto table 3's row: seated there.
        entry(dani).dragTo(page.locator(".tl-lane[data-resource='" + table3 + "']"));
        await().atMost(Duration.ofSeconds(15)).until(() -> "seated".equals(entryStatus(dani)));
        String dragged = api.get(tenant.adminKey(), "/waitlist-entries/" + dani).get("reservation_id");
        page.waitForSelector(".tl-row[data-resource='" + table3 + "'] .tile[data-reservation='" + dragged + "']");

        // A walk-in joins the line from the panel (a name and a phone are asked for first).
        page.click("#wl-add");
        page.waitForSelector("#wl-add-party");
        page.fill("#wl-add-party", "3");
        assertAccessible("add to the line dialog");
        page.click("#wl-add-save");
        page.waitForSelector("#wl-add-error:has-text('Please fill this in')");
        page.fill("#wl-add-first-name", "Eva");
        page.fill("#wl-add-phone", "+49 30 " + digits());
        page.click("#wl-add-save");
        page.waitForSelector("#wl-now li:has-text('Eva, 3 people')");
        Response walkIns = api.get(tenant.adminKey(), "/waitlist-entries?source=walk_in&party_size=3");
        assertThat(walkIns.body().get("data").get(0).get("kind").asString()).isEqualTo("now");

        page.setViewportSize(1024, 768);
        screenshot("waitlist-1024");
        page.setViewportSize(375, 800);
        screenshot("waitlist-375");
        assertAccessible("waitlist panel at 375 px");
        assertNoErrors();
    }

    private String join(String name, int party) {
        Response joined = api.post(
                tenant.adminKey(),
                "/waitlist-entries",
                fields(
                        "kind",
                        "now",
                        "service_id",
                        dinner,
                        "party_size",
                        party,
                        "source",
                        "walk_in",
                        "contact",
                        fields("first_name", name, "phone", "+49 30 " + digits())));
        TestApi.expect(joined, 201);
        return joined.get("id");
    }

    private String entryStatus(String id) {
        return api.get(tenant.adminKey(), "/waitlist-entries/" + id).get("status");
    }

    private Locator entry(String id) {
        return page.locator("li[data-entry='" + id + "']");
    }

    private static com.microsoft.playwright.Page.WaitForSelectorOptions waitGone() {
        return new com.microsoft.playwright.Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED);
    }

    private static String digits() {
        return String.valueOf(1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }
}

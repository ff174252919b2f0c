package io.reserva.console;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.reserva.support.BrowserTab;
import io.reserva.support.Chromium;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The console and the event stream together (issue 11 §2, "Live"): two browser contexts, one signed in to the
 * console on the venue's day, the other a guest on the venue's public booking page. The guest's booking appears
 * in the open console within 2 seconds without a reload, and so does a change made through the API.
 */
@IntegrationTest
class ConsoleLiveBrowserIntegrationTests extends ConsoleBrowser {

    static final double WITHIN_MS = 2_000;

    @Test
    void aBookingOnThePublicPageAndAChangeThroughTheApiAppearInAnOpenConsole() {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields("name", "Dinner page", "slug", "dinner")),
                201);

        open(1280, 900);
        signIn(adminEmail);
        goToDay("list");
        // The stream is open once the console says so; a reload from here on would defeat the test.
        page.waitForSelector("#live.on");
        page.evaluate("() => { window.__sameDocument = true; }");
        assertThat(page.locator("#reservation-list tbody tr[data-reservation]").count())
                .isZero();

        try (BrowserTab guestTab = Chromium.shared().open(new NewContextOptions().setLocale("en-GB"))) {
            Page guest = guestTab.page();
            guest.setDefaultTimeout(20_000);
            guest.navigate(api.base() + "/b/" + tenant.id() + "/dinner");
            guest.waitForSelector("#visit-heading");
            guest.selectOption("#party", "2");
            guest.click("form button[type=submit]");
            guest.waitForSelector("table.calendar");
            if (guest.locator("button[data-date='" + day + "']").count() == 0) {
                guest.click("button.next");
            }
            guest.click("button[data-date='" + day + "']");
            String start = day.atTime(19, 0).atZone(BERLIN).toInstant().toString();
            guest.click("ul.slots button[data-start='" + start + "']");
            guest.waitForSelector("#details-heading");
            guest.fill("#contact-first_name", "Lena");
            guest.fill("#contact-last_name", "Vogel");
            guest.fill("#contact-email", "lena-" + tenant.id().toString().substring(0, 8) + "@example.com");
            guest.click("form button.primary[type=submit]");
            guest.waitForSelector("#done-heading");
            long confirmed = System.nanoTime();

            Locator lena = page.locator("#reservation-list tbody tr:has-text('Lena Vogel')");
            lena.waitFor(new Locator.WaitForOptions()
                    .setState(WaitForSelectorState.VISIBLE)
                    .setTimeout(WITHIN_MS));
            System.out.printf(
                    "booking page -> console: %d ms%n",
                    Duration.ofNanos(System.nanoTime() - confirmed).toMillis());
            assertThat(lena.textContent()).contains("7:00", "Booking page");
            assertThat(page.locator("#count-booked").textContent()).contains("2 covers", "1 party");
            assertThat(guestTab.errors())
                    .as("console errors on the booking page")
                    .isEmpty();
        }

        String reservation =
                page.locator("#reservation-list tbody tr[data-reservation]").getAttribute("data-reservation");
        assertThat(status(reservation)).isEqualTo("confirmed");
        long sent = System.nanoTime();
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/reservations/" + reservation,
                        fields("status", "cancelled", "cancellation_reason", "Called to cancel")),
                200);
        page.waitForSelector(
                "#count-cancellations:has-text('1 party')", new Page.WaitForSelectorOptions().setTimeout(WITHIN_MS));
        System.out.printf(
                "API change -> console: %d ms%n",
                Duration.ofNanos(System.nanoTime() - sent).toMillis());
        assertThat(page.evaluate("() => window.__sameDocument === true"))
                .as("no reload: the page is the one signed in")
                .isEqualTo(true);
        screenshot("live-after-cancel-1280");
        assertNoErrors();
    }
}

package io.reserva.bookingpages;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.reserva.support.BrowserTab;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.ClockedIntegrationTest;
import io.reserva.support.MutableClock;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The waitlist on a booking page in a real Chromium, 375 px wide and by keyboard: a guest joins the waitlist of a
 * fully booked day, follows the private status link, and accepts the table offered when a booking is cancelled;
 * a late guest sees the offer lapsed and leaves the list. Every page is checked with axe (no serious or critical
 * violation) and fails on any console error, CSP refusal or unexpected failed request. Screenshots go to
 * target/screenshots/.
 */
@ClockedIntegrationTest
class WaitlistBrowserIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    TestApi api;
    Tenant tenant;
    String dinner;
    String pagePath;
    LocalDate fullDay;
    String booked;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        api = new TestApi(port);
        tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        dinner = catalog.service(
                fields("name", "Dinner", "duration_minutes", 60, "slot_interval", 60, "max_party_size", 4));
        String table = catalog.resource("Table 1", "table", 4);
        catalog.link(dinner, table, "required");
        // One start a day, 19:00 in Berlin: one booking fills a day.
        catalog.everyDay(table, "19:00", "20:00");
        fullDay = LocalDate.now(BERLIN).plusDays(2);
        Response booking = api.post(
                tenant.adminKey(),
                "/reservations",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "start_datetime",
                        fullDay.atTime(LocalTime.of(19, 0))
                                .atZone(BERLIN)
                                .toInstant()
                                .toString(),
                        "contact",
                        fields("first_name", "Booker", "email", "booker@example.com")));
        TestApi.expect(booking, 201);
        booked = booking.get("id");
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "Dinner page",
                                "slug",
                                "dinner",
                                "page_config",
                                fields(
                                        "hero_title",
                                        "Book a table at Trattoria Sole",
                                        "primary_color",
                                        "#8b1e3f",
                                        "waitlist",
                                        "later_and_now"))),
                201);
        pagePath = "/b/" + tenant.id() + "/dinner";
    }

    @Test
    void aGuestJoinsTheWaitlistOfAFullDayAndAcceptsTheOfferedTableThroughTheStatusLink() {
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + pagePath);
            page.waitForSelector("#visit-heading");
            phone.tabTo("#party");
            page.keyboard().press("2");
            phone.tabTo("form button[type=submit]");
            page.keyboard().press("Enter");
            page.waitForSelector("table.calendar");

            String day = fullDay.toString();
            if (page.locator("button[data-date='" + day + "']").count() == 0) {
                page.locator("button.next").click();
                page.waitForSelector("button[data-date='" + day + "']");
            }
            assertThat(page.locator("button[data-date='" + day + "']").getAttribute("aria-label"))
                    .as("a full day says the waitlist is open")
                    .contains("waitlist open");
            assertThat(page.locator("button[data-date='" + day + "']").getAttribute("aria-disabled"))
                    .isNull();
            phone.tabTo("table.calendar button[tabindex='0']");
            for (int i = 0; i < 40 && !day.equals(page.evaluate("() => document.activeElement.dataset.date")); i++) {
                page.keyboard().press("ArrowRight");
            }
            assertThat(page.evaluate("() => document.activeElement.dataset.date"))
                    .isEqualTo(day);
            page.keyboard().press("Enter");
            page.waitForSelector("#join-waitlist");
            phone.screenshot("waitlist-01-full-day");
            phone.assertAccessible(page.url());

            phone.tabTo("#join-waitlist");
            page.keyboard().press("Enter");
            page.waitForSelector("#join-heading");
            assertThat(phone.focused()).as("focus moves to the form's heading").isEqualTo("join-heading");
            assertThat(page.locator("#wl-window_start").inputValue()).isEqualTo("19:00");
            phone.tabTo("#wl-contact-first_name");
            page.keyboard().type("Ana");
            page.keyboard().press("Tab");
            page.keyboard().type("García");
            phone.screenshot("waitlist-02-join-form");

            // No phone: the venue could not call back, so the field says so and takes the focus.
            phone.expectFailure(422, "POST", "/waitlist");
            phone.tabTo("#waitlist-form button[type=submit]");
            page.keyboard().press("Enter");
            page.waitForSelector(".field-error");
            assertThat(phone.focused()).isEqualTo("wl-contact-phone");
            assertThat(page.locator("#wl-contact-phone").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            page.keyboard().type("+49 30 1234567");
            phone.tabTo("#waitlist-form button[type=submit]");
            page.keyboard().press("Enter");

            page.waitForSelector("#joined-heading");
            assertThat(page.locator(".wl-position").textContent()).isEqualTo("1");
            String statusPath = page.locator("#status-link").getAttribute("href");
            assertThat(statusPath).startsWith(pagePath + "/waitlist/");
            phone.screenshot("waitlist-03-joined");
            phone.assertAccessible(page.url());

            page.navigate(api.base() + statusPath);
            page.waitForSelector("#status-heading");
            assertThat(page.locator(".wl-status").textContent()).isEqualTo("Waiting");
            assertThat(page.locator("#accept-offer").count()).isZero();
            phone.screenshot("waitlist-04-status");
            phone.assertAccessible(page.url());

            TestApi.expect(api.patch(tenant.adminKey(), "/reservations/" + booked, fields("status", "cancelled")), 200);
            phone.tabTo("#refresh");
            page.keyboard().press("Enter");
            page.waitForSelector("#accept-offer");
            assertThat(page.locator("#offer-text").textContent()).contains("7:00");
            phone.screenshot("waitlist-05-offer");
            phone.assertAccessible(page.url());

            phone.tabTo("#accept-offer");
            page.keyboard().press("Enter");
            page.waitForSelector("#booking-link");
            assertThat(page.locator(".wl-status").textContent()).isEqualTo("Booked");
            assertThat(page.locator(".code").textContent()).isNotBlank();
            phone.screenshot("waitlist-06-accepted");
            phone.assertAccessible(page.url());

            phone.tabTo("#booking-link");
            page.keyboard().press("Enter");
            page.waitForSelector("#manage-heading");
            assertThat(page.locator(".summary").textContent()).contains("Confirmed");
            phone.screenshot("waitlist-07-booking");
            phone.assertNoErrors();
        }
    }

    @Test
    void aLateGuestSeesTheOfferLapsedKeepsTheirPlaceAndLeavesTheList() {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "Cena",
                                "slug",
                                "cena",
                                "page_config",
                                fields("locale", "es", "waitlist", "later"))),
                201);
        Response joined = joinFullDayEvening("cena", "Ben", "+49 30 7654321");
        TestApi.expect(api.patch(tenant.adminKey(), "/reservations/" + booked, fields("status", "cancelled")), 200);
        try (BrowserTab phone = Browser.phone("es-ES")) {
            Page page = phone.page();
            // The page's own refresh must not show the lapse before the guest tries: its timers stand still.
            page.clock().install();
            page.clock().pauseAt(Instant.now().plusSeconds(1).toEpochMilli());
            page.navigate(api.base() + joined.get("status_path"));
            page.waitForSelector("#accept-offer");
            assertThat(page.locator("#offer-text").textContent()).contains("19:00");

            clock.advance(Duration.ofMinutes(11));
            phone.expectFailure(409, "POST", "/accept");
            phone.tabTo("#accept-offer");
            page.keyboard().press("Enter");
            page.waitForSelector(".alert.error");
            assertThat(page.locator("[role=alert]").textContent()).contains("no se aceptó a tiempo");
            assertThat(page.locator("#accept-offer").count()).isZero();
            // axe needs the page's timers; the page's refresh can come now too, as it would for the guest.
            page.clock().resume();
            phone.screenshot("waitlist-08-lapsed-es");
            phone.assertAccessible(page.url());

            phone.tabTo("#leave");
            page.keyboard().press("Enter");
            page.waitForSelector("#confirm-leave");
            assertThat(phone.focused()).isEqualTo("really-leave");
            phone.tabTo("#confirm-leave");
            page.keyboard().press("Enter");
            page.waitForSelector(".alert.success");
            assertThat(page.locator(".wl-status").textContent()).isEqualTo("Has salido de la lista");
            assertThat(page.locator("#leave").count()).isZero();
            phone.screenshot("waitlist-09-left-es");
            phone.assertNoErrors();
        }
    }

    @Test
    void theStatusPageShowsAnOfferByItselfWithoutAReload() {
        Response joined = joinFullDayEvening("dinner", "Dora", "+49 30 3334444");
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            // The page's own timers on a clock the test moves: the poll comes when the test says, not after a sleep.
            page.clock().install();
            page.clock().pauseAt(Instant.now().plusSeconds(1).toEpochMilli());
            page.navigate(api.base() + joined.get("status_path"));
            page.waitForSelector("#status-heading");
            assertThat(page.locator(".wl-status").textContent()).isEqualTo("Waiting");
            page.evaluate("() => { window.sameDocument = true; }");
            phone.tabTo("#refresh");

            TestApi.expect(api.patch(tenant.adminKey(), "/reservations/" + booked, fields("status", "cancelled")), 200);
            page.clock().runFor(5_000);
            assertThat(page.locator("#accept-offer").count())
                    .as("no read before the poll interval")
                    .isZero();
            page.clock().runFor(20_000);
            page.waitForSelector("#accept-offer");
            assertThat(page.evaluate("() => window.sameDocument === true"))
                    .as("the page was not reloaded")
                    .isEqualTo(true);
            assertThat(page.locator(".wl-status").textContent()).isEqualTo("A table is offered");
            assertThat(page.locator("[role=alert]").textContent()).contains("has been updated");
            assertThat(phone.focused())
                    .as("the focus stays where the guest left it")
                    .isEqualTo("refresh");
            page.clock().resume(); // axe needs the page's timers
            phone.screenshot("waitlist-11-offer-appeared");
            phone.assertAccessible(page.url());
            phone.assertNoErrors();
        }
    }

    @Test
    void aGuestJoinsTodaysLineFromTheFirstStep() {
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + pagePath);
            page.waitForSelector("#join-line");
            phone.tabTo("#join-line");
            page.keyboard().press("Enter");
            page.waitForSelector("#join-heading");
            assertThat(page.locator("#wl-window_start").count())
                    .as("the line has no window")
                    .isZero();
            phone.tabTo("#wl-contact-first_name");
            page.keyboard().type("Cleo");
            phone.tabTo("#wl-contact-phone");
            page.keyboard().type("+49 30 5550000");
            phone.tabTo("#waitlist-form button[type=submit]");
            page.keyboard().press("Enter");
            page.waitForSelector("#joined-heading");
            assertThat(page.locator(".wl-position").textContent()).isEqualTo("1");
            phone.screenshot("waitlist-10-line-now");
            phone.assertAccessible(page.url());
            phone.assertNoErrors();
        }
        Response entries = api.get(tenant.adminKey(), "/waitlist-entries?kind=now");
        assertThat(entries.body().get("data").get(0).get("source").asString()).isEqualTo("booking_page");
    }

    /** A couple joins the full day's list for a table between 18:00 and 20:00 through the booking link {@code slug}. */
    private Response joinFullDayEvening(String slug, String firstName, String phone) {
        Response joined = api.post(
                null,
                "/public/booking-links/" + tenant.id() + "/" + slug + "/waitlist",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "kind",
                        "later",
                        "date",
                        fullDay.toString(),
                        "window_start",
                        "18:00",
                        "window_end",
                        "20:00",
                        "contact",
                        fields("first_name", firstName, "phone", phone)));
        TestApi.expect(joined, 201);
        return joined;
    }
}

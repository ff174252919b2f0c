package io.reserva.bookingpages;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A guest books on a phone-sized screen in a real Chromium, mostly by keyboard; cancels and reschedules through
 * the private manage link; and meets the two races of a booking page: a start taken between seeing and holding
 * it, and a hold that lapses before the guest confirms. Screenshots of each step go to target/screenshots/.
 */
@ClockedIntegrationTest
class BookingPageBrowserIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    TestApi api;
    Tenant tenant;
    String dinner;
    String pagePath;

    @BeforeEach
    void setUp() {
        // The clock is shared with the other @ClockedIntegrationTest classes: each test starts at the real time.
        clock.set(Instant.now());
        api = new TestApi(port);
        tenant = api.newTenant();
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        dinner = catalog.service(fields(
                "name",
                "Dinner",
                "duration_minutes",
                60,
                "slot_interval",
                60,
                "max_party_size",
                4,
                "allow_cancellation",
                true,
                "cancellation_deadline_hours",
                2));
        String lunch = catalog.service(fields("name", "Lunch", "duration_minutes", 60));
        String table = catalog.resource("Table 1", "table", 4);
        catalog.link(dinner, table, "required");
        catalog.link(lunch, table, "required");
        catalog.everyDay(table, "10:00", "22:00");
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/custom-fields",
                        fields(
                                "entity_type", "reservation",
                                "key", "occasion",
                                "label", "Occasion",
                                "field_type", "select",
                                "options", List.of("anniversary", "birthday", "business"))),
                201);
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/custom-fields",
                        fields(
                                "entity_type", "reservation",
                                "key", "allergies",
                                "label", "Allergies",
                                "field_type", "text",
                                "is_required", true)),
                201);
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
                                        "hero_title", "Book a table at Trattoria Sole",
                                        "hero_subtitle", "Fresh pasta, every evening",
                                        "policy_text", "Cancel up to 2 hours before for free.",
                                        "thank_you_message", "Grazie! See you soon.",
                                        "primary_color", "#8b1e3f"))),
                201);
        pagePath = "/b/" + tenant.id() + "/dinner";
    }

    @Test
    void aGuestBooksOnAPhoneWithTheKeyboard() {
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + pagePath);
            page.waitForSelector("#visit-heading");
            assertThat(page.locator("h1").textContent()).isEqualTo("Book a table at Trattoria Sole");
            phone.screenshot("01-landing");

            phone.tabTo("input[name=service]");
            page.keyboard().press("Space");
            assertThat(page.locator("input[name=service]:checked").getAttribute("value"))
                    .as("the first service, Dinner, chosen by keyboard")
                    .isEqualTo(dinner);
            phone.tabTo("#party");
            page.keyboard().press("2");
            phone.screenshot("02-visit-filled");
            phone.tabTo("form button[type=submit]");
            page.keyboard().press("Enter");

            page.waitForSelector("table.calendar");
            assertThat(phone.focused()).as("focus moves to the new step").isEqualTo("when-heading");
            ensureBookableDayShown(page);
            phone.screenshot("03-calendar");
            phone.tabTo("table.calendar button[tabindex='0']");
            assertThat(page.evaluate("() => document.activeElement.getAttribute('aria-disabled')"))
                    .isNull();
            String day = (String) page.evaluate("() => document.activeElement.dataset.date");
            page.keyboard().press("ArrowRight");
            assertThat(page.evaluate("() => document.activeElement.dataset.date"))
                    .as("arrow keys move between days")
                    .isNotEqualTo(day);
            page.keyboard().press("ArrowLeft");
            assertThat(page.evaluate("() => document.activeElement.dataset.date"))
                    .isEqualTo(day);
            page.keyboard().press("Enter");
            page.waitForSelector("ul.slots button");
            phone.screenshot("04-slots");
            phone.tabTo("ul.slots button");
            String start = (String) page.evaluate("() => document.activeElement.dataset.start");
            page.keyboard().press("Enter");

            page.waitForSelector("#details-heading");
            assertThat(phone.focused()).isEqualTo("details-heading");
            assertThat(page.locator("#countdown").textContent()).contains("left");
            phone.screenshot("05-details");
            phone.tabTo("#contact-first_name");
            page.keyboard().type("Ana");
            page.keyboard().press("Tab");
            page.keyboard().type("García");
            page.keyboard().press("Tab");
            page.keyboard().type("ana.garcia@example.com");
            page.keyboard().press("Tab");
            page.keyboard().type("+49 30 1234567");
            phone.tabTo("#cf-occasion");
            page.keyboard().press("b");
            phone.tabTo("#cf-allergies");
            page.keyboard().type("None");
            phone.tabTo("#policy");
            page.keyboard().press("Space");
            phone.screenshot("06-details-filled");
            phone.tabTo("form button.primary[type=submit]");
            page.keyboard().press("Enter");

            page.waitForSelector("#done-heading");
            assertThat(phone.focused()).isEqualTo("done-heading");
            phone.screenshot("07-confirmed");
            String code = page.locator("dd.code").textContent();
            String manage = page.locator("#manage-link").getAttribute("href");
            assertThat(page.locator("section.card").textContent()).contains("Grazie! See you soon.");
            assertThat(manage).startsWith(pagePath + "/manage/").doesNotContain(code);
            assertThat(page.locator("#calendar-link").getAttribute("href")).endsWith("/calendar.ics");

            JsonNode booked = reservationByCode(code);
            assertThat(booked.get("status").asString()).isEqualTo("confirmed");
            assertThat(booked.get("source").asString()).isEqualTo("booking_page");
            assertThat(booked.get("party_size").asInt()).isEqualTo(2);
            assertThat(booked.get("start_datetime").asString()).isEqualTo(start);
            assertThat(booked.get("custom_fields_by_key").get("occasion").asString())
                    .isEqualTo("birthday");
            assertThat(booked.get("custom_fields_by_key").get("allergies").asString())
                    .isEqualTo("None");
            assertThat(manage).doesNotContain(booked.get("id").asString());
            JsonNode contact = api.get(
                            tenant.adminKey(),
                            "/contacts/" + booked.get("contact_id").asString())
                    .body();
            assertThat(contact.get("email").asString()).isEqualTo("ana.garcia@example.com");
            assertThat(contact.get("last_name").asString()).isEqualTo("García");
            phone.assertNoErrors();
        }
    }

    @Test
    void theConfirmationAndTheManagePageOfferTheBookingAsACalendarFile() throws Exception {
        String manage = bookThroughTheApi(tomorrowAt(18));
        String token = manage.substring(manage.lastIndexOf('/') + 1);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + manage);
            page.waitForSelector("#manage-heading");
            phone.tabTo("#calendar-link");
            assertThat(page.locator("#calendar-link").textContent()).isEqualTo("Add to calendar (.ics)");
            String href = page.locator("#calendar-link").getAttribute("href");
            assertThat(href)
                    .isEqualTo("/public/booking-links/" + tenant.id() + "/dinner/bookings/" + token + "/calendar.ics");
            phone.screenshot("13-add-to-calendar");
            phone.assertNoErrors();

            Response file = api.get(null, href);
            TestApi.expect(file, 200);
            assertThat(file.header("Content-Type")).startsWith("text/calendar");
            net.fortuna.ical4j.model.Calendar calendar =
                    new net.fortuna.ical4j.data.CalendarBuilder().build(new java.io.StringReader(file.text()));
            net.fortuna.ical4j.model.component.VEvent event = (net.fortuna.ical4j.model.component.VEvent)
                    calendar.getComponent("VEVENT").orElseThrow();
            JsonNode booked = reservationByCode(codeOf(manage));
            assertThat(event.getProperty("UID").orElseThrow().getValue())
                    .isEqualTo("reservation-" + booked.get("id").asString() + "@reserva");
            assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
            assertThat(file.text()).doesNotContain("carla@example.com");
        }
        TestApi.expect(
                api.get(
                        null,
                        "/public/booking-links/" + tenant.id() + "/dinner/bookings/" + "B".repeat(43)
                                + "/calendar.ics"),
                404);
    }

    @Test
    void aGuestCancelsThroughTheManageLink() {
        String manage = bookThroughTheApi(tomorrowAt(18));
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + manage);
            page.waitForSelector("#manage-heading");
            phone.screenshot("10-manage");
            phone.tabTo("#cancel");
            page.keyboard().press("Enter");
            assertThat(phone.focused()).isEqualTo("really");
            phone.screenshot("11-cancel-asked");
            phone.tabTo("#confirm-cancel");
            page.keyboard().press("Enter");
            page.waitForSelector(".alert.success");
            assertThat(page.locator(".alert.success").textContent()).isEqualTo("Your booking is cancelled.");
            assertThat(page.locator("dl.summary").textContent()).contains("Cancelled");
            phone.screenshot("12-cancelled");
            phone.assertNoErrors();
        }
        JsonNode cancelled = reservationByCode(codeOf(manage));
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("cancelled_by").asString()).isEqualTo("contact");
    }

    @Test
    void theManageLinkOutlivesTheClosedPageAndAWrongTokenFindsNothing() {
        String manage = bookThroughTheApi(tomorrowAt(21));
        String id = api.get(tenant.adminKey(), "/reservation-booking-links?slug=dinner")
                .body()
                .get("data")
                .get(0)
                .get("id")
                .asString();
        TestApi.expect(
                api.patch(tenant.adminKey(), "/reservation-booking-links/" + id, fields("is_active", false)), 200);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            assertThat(page.navigate(api.base() + manage).status()).isEqualTo(200);
            page.waitForSelector("#manage-heading");
            assertThat(page.locator("#cancel").count()).isEqualTo(1);
            assertThat(page.locator("#reschedule").count())
                    .as("no new times from a closed page")
                    .isZero();
            assertThat(page.locator("h1").textContent()).isEqualTo("Book a table at Trattoria Sole");
            phone.screenshot("15-manage-closed-page");
            String wrong = manage.substring(0, manage.length() - 4) + "AAAA";
            phone.expectFailure(404, "GET", "/bookings/" + wrong.substring(wrong.lastIndexOf('/') + 1));
            page.navigate(api.base() + wrong);
            page.waitForSelector("h1:has-text('We could not find this booking')");
            phone.assertNoErrors();
        }
    }

    @Test
    void aGuestReschedulesThroughTheManageLink() {
        Instant original = tomorrowAt(18);
        String manage = bookThroughTheApi(original);
        Instant later = tomorrowAt(20);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + manage);
            page.waitForSelector("#manage-heading");
            phone.tabTo("#reschedule");
            page.keyboard().press("Enter");
            page.waitForSelector("table.calendar");
            showMonthOf(page, LocalDate.ofInstant(later, BERLIN));
            page.click("button[data-date='" + LocalDate.ofInstant(later, BERLIN) + "']");
            page.waitForSelector("ul.slots button");
            phone.screenshot("13-reschedule-slots");
            page.click("ul.slots button[data-start='" + later + "']");
            page.waitForSelector(".alert.success");
            assertThat(page.locator(".alert.success").textContent()).isEqualTo("Your booking has been moved.");
            phone.screenshot("14-rescheduled");
            phone.assertNoErrors();
        }
        JsonNode moved = reservationByCode(codeOf(manage));
        assertThat(moved.get("start_datetime").asString()).isEqualTo(later.toString());
        assertThat(moved.get("status").asString()).isEqualTo("confirmed");
    }

    @Test
    void aStartTakenBetweenSeeingAndHoldingItIsExplainedAndTheTimesRefreshed() {
        Instant start = tomorrowAt(19);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            phone.expectFailure(409, "POST", "/holds"); // the race this test provokes
            goToTimes(page, start);
            Locator slot = page.locator("ul.slots button[data-start='" + start + "']");
            assertThat(slot.count()).isEqualTo(1);

            // Someone else books that start (staff on the phone) while the guest looks at it.
            TestApi.expect(
                    api.post(
                            tenant.adminKey(),
                            "/reservations",
                            fields(
                                    "service_id",
                                    dinner,
                                    "party_size",
                                    2,
                                    "start_datetime",
                                    start.toString(),
                                    "contact",
                                    fields("first_name", "Bea", "email", "bea@example.com"),
                                    "custom_fields_by_key",
                                    Map.of("allergies", "none"))),
                    201);
            slot.click();
            page.waitForSelector(".alert.error");
            assertThat(page.locator(".alert.error").textContent()).startsWith("Sorry, someone just took that time.");
            page.locator("ul.slots button[data-start='" + start + "']")
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            page.waitForSelector("ul.slots button"); // the day's starts, asked afresh
            assertThat(page.locator("ul.slots button[data-start='" + start + "']")
                            .count())
                    .isZero();
            assertThat(page.evaluate("() => document.activeElement.dataset.start"))
                    .as("focus on the first free start")
                    .isNotNull();
            phone.screenshot("20-slot-taken");
            phone.assertNoErrors();
        }
    }

    @Test
    void aHoldThatLapsesBeforeConfirmingKeepsTheGuestsDetails() {
        Instant start = tomorrowAt(17);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            phone.expectFailure(409, "POST", "/confirm"); // the lapsed hold
            goToTimes(page, start);
            page.click("ul.slots button[data-start='" + start + "']");
            page.waitForSelector("#details-heading");
            page.fill("#contact-first_name", "Ana");
            page.fill("#contact-last_name", "García");
            page.fill("#contact-email", "ana@example.com");
            page.fill("#cf-allergies", "None");
            page.check("#policy");

            clock.advance(Duration.ofMinutes(11)); // the hold (10 minutes) lapses on the server
            page.click("form button.primary[type=submit]");
            page.waitForSelector(".alert.error");
            assertThat(page.locator(".alert.error").textContent()).startsWith("Your hold on that time ran out.");
            page.waitForSelector("table.calendar");
            phone.screenshot("21-hold-expired");

            page.click("button[data-date='" + LocalDate.ofInstant(start, BERLIN) + "']");
            page.click("ul.slots button[data-start='" + start + "']");
            page.waitForSelector("#details-heading");
            assertThat(page.inputValue("#contact-first_name")).isEqualTo("Ana");
            assertThat(page.inputValue("#contact-email")).isEqualTo("ana@example.com");
            assertThat(page.inputValue("#cf-allergies")).isEqualTo("None");
            assertThat(page.isChecked("#policy")).isTrue();
            page.click("form button.primary[type=submit]");
            page.waitForSelector("#done-heading");
            phone.screenshot("22-confirmed-after-new-hold");
            phone.assertNoErrors();
        }
    }

    @Test
    void aMissingDetailIsNamedAtItsField() {
        Instant start = tomorrowAt(16);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            phone.expectFailure(422, "POST", "/confirm"); // the missing details
            goToTimes(page, start);
            page.click("ul.slots button[data-start='" + start + "']");
            page.waitForSelector("#details-heading");
            page.fill("#contact-first_name", "Ana");
            page.click("form button.primary[type=submit]");
            page.waitForSelector(".field-error");
            assertThat(page.locator("#contact-last_name").getAttribute("aria-invalid"))
                    .isEqualTo("true");
            assertThat(phone.focused()).as("focus on the first field at fault").isEqualTo("contact-last_name");
            assertThat(page.locator(".alert.error").textContent()).isEqualTo("Please correct the fields marked below.");
            phone.screenshot("23-field-errors");

            // The contact complete, a required answer of the reservation is still missing.
            page.fill("#contact-last_name", "García");
            page.fill("#contact-email", "ana@example.com");
            page.check("#policy");
            page.click("form button.primary[type=submit]");
            page.waitForSelector("#cf-allergies[aria-invalid=true]");
            assertThat(phone.focused()).isEqualTo("cf-allergies");
            page.fill("#cf-allergies", "None");
            page.click("form button.primary[type=submit]");
            page.waitForSelector("#done-heading");
            phone.assertNoErrors();
        }
    }

    @Test
    void aSpanishPageSpeaksSpanish() {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "Cena",
                                "slug",
                                "cena",
                                "mode",
                                "single_service",
                                "service_id",
                                dinner,
                                "page_config",
                                fields("hero_title", "Reserva tu mesa", "locale", "es"))),
                201);
        try (BrowserTab phone = Browser.phone("es-ES")) {
            Page page = phone.page();
            page.navigate(api.base() + "/b/" + tenant.id() + "/cena");
            page.waitForSelector("#visit-heading");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("es");
            assertThat(page.locator("#visit-heading").textContent()).isEqualTo("Tu visita");
            assertThat(page.locator("label[for=party]").textContent()).isEqualTo("Número de personas");
            page.click("form button[type=submit]");
            page.waitForSelector("table.calendar");
            assertThat(page.locator("#when-heading").textContent()).isEqualTo("Elige día y hora");
            phone.screenshot("30-spanish-calendar");
            phone.assertNoErrors();
        }
    }

    @Test
    void aPageWithNothingToBookSaysSo() {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields("name", "Dinner only", "slug", "only", "mode", "single_service", "service_id", dinner)),
                201);
        TestApi.expect(
                api.patch(tenant.adminKey(), "/reservation-services/" + dinner, fields("is_public", false)), 200);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + "/b/" + tenant.id() + "/only");
            page.waitForSelector(".alert.info");
            assertThat(page.locator(".alert.info").textContent()).startsWith("Nothing can be booked on this page");
            assertThat(page.locator("form button").count()).isZero();
            phone.assertNoErrors();
        }
    }

    @Test
    void anUnknownOrInactiveLinkIsAFriendlyNotFoundPage() {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields("name", "Old", "slug", "old", "is_active", false)),
                201);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            for (String path :
                    List.of("/b/" + tenant.id() + "/nope", "/b/" + tenant.id() + "/old", "/b/not-a-uuid/dinner")) {
                phone.expectFailure(404, "GET", path);
                com.microsoft.playwright.Response response = page.navigate(api.base() + path);
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(page.locator("h1").textContent()).isEqualTo("Page not found");
            }
            phone.screenshot("40-not-found");
            assertThat(page.locator("link[rel=icon]").getAttribute("href")).isEqualTo("/booking/favicon.svg");
            phone.assertNoErrors();
        }
    }

    @Test
    void theCalendarOpensOnTheFirstMonthWithAFreeDay() {
        // Nothing is bookable before the second day of next month: the calendar must not open on this month.
        LocalDate firstOfNextMonth = LocalDate.now(BERLIN).withDayOfMonth(1).plusMonths(1);
        long hours = Duration.between(Instant.now(), firstOfNextMonth.atStartOfDay(BERLIN))
                        .toHours()
                + 24;
        String tasting = serviceOpen(
                fields("name", "Tasting menu", "duration_minutes", 60, "min_advance_hours", hours), "10:00", "22:00");
        singleServiceLink("tasting", tasting, fields());
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + "/b/" + tenant.id() + "/tasting");
            page.waitForSelector("#visit-heading");
            phone.tabTo("form button[type=submit]");
            page.keyboard().press("Enter");
            page.waitForSelector("table.calendar button[data-date]");
            assertThat(page.locator("table.calendar button[data-date]").first().getAttribute("data-date"))
                    .as("the month of the first free day")
                    .startsWith(firstOfNextMonth.toString().substring(0, 7));
            phone.tabTo("table.calendar button[tabindex='0']");
            assertThat(page.evaluate("() => document.activeElement.getAttribute('aria-disabled')"))
                    .as("the keyboard lands on a free day")
                    .isNull();
            page.keyboard().press("Enter");
            page.waitForSelector("ul.slots button");
            phone.screenshot("50-first-free-month");
            phone.assertNoErrors();
        }
    }

    @Test
    void theVenueIsNamedWithItsAddressPhoneAndLogoWhichIsAlsoTheIcon() throws Exception {
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/organizations/" + tenant.id(),
                        fields("address", "Calle Mayor 1, 28013 Madrid", "phone", "+34911234567")),
                200);
        String logo = uploadLogo();
        singleServiceLink("venue", dinner, fields("hero_title", "Trattoria Sole", "logo_url", logo));
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + "/b/" + tenant.id() + "/venue");
            page.waitForSelector("#visit-heading");
            assertThat(page.locator(".brand .organization").textContent()).startsWith("Test venue");
            assertThat(page.locator(".brand .venue-address").textContent()).isEqualTo("Calle Mayor 1, 28013 Madrid");
            assertThat(page.locator(".brand .venue-phone").textContent()).isEqualTo("+34911234567");
            assertThat(page.locator(".brand .venue-phone").getAttribute("href")).isEqualTo("tel:+34911234567");
            assertThat(page.locator("img.logo").getAttribute("src")).isEqualTo(logo);
            page.waitForFunction("() => document.querySelector('img.logo').naturalWidth > 0");
            assertThat(page.locator("link[rel=icon]").getAttribute("href")).isEqualTo(logo);
            phone.tabTo(".venue-phone");
            phone.screenshot("51-venue");
            phone.assertNoErrors();
        }
    }

    @Test
    void aPageWithoutALogoHasTheBuiltInIconAndNoEmptyVenueDetails() {
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + pagePath);
            page.waitForSelector("#visit-heading");
            String icon = page.locator("link[rel=icon]").getAttribute("href");
            assertThat(icon).isEqualTo("/booking/favicon.svg");
            com.microsoft.playwright.APIResponse served = page.request().get(api.base() + icon);
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.headers().get("content-type")).startsWith("image/svg+xml");
            assertThat(page.locator(".venue-address").count()).isZero();
            assertThat(page.locator(".venue-phone").count()).isZero();
            assertThat(page.locator("img.logo").count()).isZero();
            phone.assertNoErrors();
        }
    }

    @Test
    void aDayWithManyStartsIsGroupedByServicePeriod() {
        // Lunch 12:00 to 15:00 and dinner 19:00 to 23:00, a start every half hour: twelve starts a day.
        String both = serviceOpen(
                fields("name", "Lunch and dinner", "duration_minutes", 60, "slot_interval", 30),
                "12:00",
                "15:00",
                "19:00",
                "23:00");
        singleServiceLink("periods", both, fields());
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + "/b/" + tenant.id() + "/periods");
            page.waitForSelector("#visit-heading");
            page.click("form button[type=submit]");
            page.waitForSelector("table.calendar button[data-date]");
            showMonthOf(page, tomorrow);
            page.click("button[data-date='" + tomorrow + "']");
            page.waitForSelector("ul.slots button");
            assertThat(page.locator("#slots h4.period").allTextContents())
                    .containsExactly("Afternoon, 12:00 PM to 2:00 PM", "Evening, 7:00 PM to 10:00 PM");
            assertThat(page.locator("ul.slots").nth(1).locator("button").allTextContents())
                    .containsExactly("7:00 PM", "7:30 PM", "8:00 PM", "8:30 PM", "9:00 PM", "9:30 PM", "10:00 PM");
            assertThat(page.locator("ul.slots").nth(1).getAttribute("aria-labelledby"))
                    .isEqualTo(page.locator("#slots h4.period").nth(1).getAttribute("id"));
            phone.tabTo("ul.slots button");
            phone.screenshot("52-service-periods");
            phone.assertNoErrors();
        }
    }

    @Test
    void aRequestThatFailsFailsTheBrowserTest() {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "Broken logo",
                                "slug",
                                "broken",
                                "page_config",
                                fields("logo_url", "/uploads/" + tenant.id() + "/booking-link-logo/missing.png"))),
                201);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + "/b/" + tenant.id() + "/broken");
            page.waitForSelector("#visit-heading");
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> !phone.failedRequests().isEmpty());
            assertThat(phone.failedRequests())
                    .anyMatch(failure ->
                            failure.startsWith("404 GET ") && failure.endsWith("/booking-link-logo/missing.png"));
            org.assertj.core.api.Assertions.assertThatThrownBy(phone::assertNoErrors)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("failed requests");
        }
    }

    // ---------- helpers ----------

    private void goToTimes(Page page, Instant start) {
        page.navigate(api.base() + pagePath);
        page.waitForSelector("#visit-heading");
        page.check("input[name=service][value='" + dinner + "']");
        page.click("form button[type=submit]");
        page.waitForSelector("table.calendar");
        LocalDate day = LocalDate.ofInstant(start, BERLIN);
        showMonthOf(page, day);
        page.click("button[data-date='" + day + "']");
        page.waitForSelector("ul.slots button");
    }

    private static void showMonthOf(Page page, LocalDate day) {
        if (page.locator("button[data-date='" + day + "']").count() == 0) {
            page.click("button.next");
            page.waitForSelector("button[data-date='" + day + "']");
        }
    }

    /** When today has nothing left (late evening, end of month), the guest moves to the next month. */
    private static void ensureBookableDayShown(Page page) {
        page.waitForSelector("table.calendar button[data-date]");
        if (page.locator("table.calendar button[data-date]:not([aria-disabled])")
                        .count()
                == 0) {
            page.click("button.next");
            page.waitForSelector("table.calendar button[data-date]:not([aria-disabled])");
        }
    }

    /** A service on a table of its own, open over the given windows of every day of the week. */
    private String serviceOpen(Map<String, Object> service, String... startsAndEnds) {
        CatalogFixtures catalog = new CatalogFixtures(api, tenant.adminKey());
        String id = catalog.service(service);
        String table = catalog.resource("Table for " + service.get("name"), "table", 4);
        catalog.link(id, table, "required");
        List<Map<String, Object>> windows = new java.util.ArrayList<>();
        for (int day = 0; day < 7; day++) {
            for (int i = 0; i < startsAndEnds.length; i += 2) {
                windows.add(CatalogFixtures.window(day, startsAndEnds[i], startsAndEnds[i + 1]));
            }
        }
        catalog.week(table, windows);
        return id;
    }

    /** A link at the slug offering only the given service. */
    private void singleServiceLink(String slug, String service, Map<String, Object> pageConfig) {
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-booking-links",
                        fields(
                                "name", slug,
                                "slug", slug,
                                "mode", "single_service",
                                "service_id", service,
                                "page_config", pageConfig)),
                201);
    }

    /** A real 64 × 64 PNG uploaded through the signed URL, as the console would; answers its public URL. */
    private String uploadLogo() throws Exception {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setColor(new java.awt.Color(0x8b, 0x1e, 0x3f));
        graphics.fillRect(0, 0, 64, 64);
        graphics.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        Response signed = api.post(
                tenant.adminKey(),
                "/s3-url-signing",
                fields("type", "booking-link-logo", "file_name", "logo.png", "content_type", "image/png"));
        TestApi.expect(signed, 200);
        java.net.http.HttpResponse<String> put = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(signed.get("signed_url")))
                                .header("Content-Type", "image/png")
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(png.toByteArray()))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isBetween(200, 299);
        return signed.get("public_url");
    }

    private Instant tomorrowAt(int hour) {
        return LocalDate.now(BERLIN)
                .plusDays(1)
                .atTime(LocalTime.of(hour, 0))
                .atZone(BERLIN)
                .toInstant();
    }

    /** Holds and confirms through the public API, as the page would; answers the manage path. */
    private String bookThroughTheApi(Instant start) {
        String base = "/public/booking-links/" + tenant.id() + "/dinner";
        Response held = api.post(
                null,
                base + "/holds",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        2,
                        "start_datetime",
                        start.toString(),
                        "custom_fields_by_key",
                        Map.of("allergies", "none")));
        TestApi.expect(held, 201);
        Response confirmed = api.post(
                null,
                base + "/bookings/" + held.get("token") + "/confirm",
                fields(
                        "contact",
                        fields("first_name", "Carla", "last_name", "Ruiz", "email", "carla@example.com"),
                        "policy_accepted",
                        true));
        TestApi.expect(confirmed, 200);
        codes.put(confirmed.get("manage_path"), confirmed.get("confirmation_code"));
        return confirmed.get("manage_path");
    }

    private final Map<String, String> codes = new java.util.HashMap<>();

    private String codeOf(String managePath) {
        return codes.get(managePath);
    }

    private JsonNode reservationByCode(String code) {
        Response found = api.get(tenant.adminKey(), "/reservations?confirmation_code=" + code);
        TestApi.expect(found, 200);
        assertThat(found.body().get("data").size()).isEqualTo(1);
        return found.body().get("data").get(0);
    }
}

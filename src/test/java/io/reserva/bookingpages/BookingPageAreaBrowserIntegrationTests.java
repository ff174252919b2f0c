package io.reserva.bookingpages;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.reserva.support.BrowserTab;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import io.reserva.support.TestApi.Tenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A guest chooses an area of the floor on a booking page that offers them, by keyboard on a phone-sized screen, sees
 * that area's times only and books a table there; the confirmation and the manage page say where they sit. Fails on
 * console and CSP errors and on unexpected failed requests (BrowserTab); screenshots target/screenshots/area-*.png.
 */
@IntegrationTest
class BookingPageAreaBrowserIntegrationTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String dinner;
    String terrace;
    String dining;
    String pagePath;

    @BeforeEach
    void setUp() {
        api = new TestApi(port);
        tenant = api.newTenant();
        String key = tenant.adminKey();
        CatalogFixtures catalog = new CatalogFixtures(api, key);
        dinner = catalog.service(
                fields("name", "Dinner", "duration_minutes", 60, "slot_interval", 60, "max_party_size", 4));
        terrace = area(key, "Terrace");
        dining = area(key, "Dining room");
        String diningTable =
                catalog.resource(fields("name", "Table 1", "resource_type", "table", "capacity", 2, "area_id", dining));
        String terraceTable = catalog.resource(
                fields("name", "Table 7", "resource_type", "table", "capacity", 4, "area_id", terrace));
        catalog.link(dinner, diningTable, "any_available");
        // The terrace closes earlier, so its times differ from the whole floor's.
        catalog.everyDay(diningTable, "12:00", "23:00");
        catalog.everyDay(terraceTable, "18:00", "21:00");
        TestApi.expect(
                api.post(
                        key,
                        "/reservation-booking-links",
                        fields(
                                "name",
                                "Dinner page",
                                "slug",
                                "dinner",
                                "area_ids",
                                List.of(terrace, dining),
                                "page_config",
                                fields("hero_title", "Book a table at Trattoria Sole", "primary_color", "#8b1e3f"))),
                201);
        pagePath = "/b/" + tenant.id() + "/dinner";
    }

    private String area(String key, String name) {
        Response created =
                api.post(key, "/reservation-areas", fields("name", name, "description", "Not for guests' eyes"));
        TestApi.expect(created, 201);
        return created.get("id");
    }

    @Test
    void aGuestChoosesTheTerraceByKeyboardAndBooksATableThere() {
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + pagePath);
            phone.waitFor("#visit-heading");
            assertThat(page.locator("fieldset legend").textContent()).isEqualTo("Where would you like to sit?");
            assertThat(page.locator("fieldset label.choice strong").allTextContents())
                    .containsExactly("Any area", "Terrace", "Dining room");
            assertThat(page.locator("input[name=area]:checked").getAttribute("value"))
                    .as("any area unless the guest chooses")
                    .isEmpty();
            assertThat(page.content()).doesNotContain("Not for guests");

            phone.tabTo("#party");
            page.keyboard().press("2");
            phone.tabTo("input[name=area]:checked");
            page.keyboard().press("ArrowDown");
            assertThat(page.locator("input[name=area]:checked").getAttribute("value"))
                    .as("arrow keys choose within the group")
                    .isEqualTo(terrace);
            phone.screenshot("area-01-visit");
            phone.assertAccessible("the visit step with an area choice");
            phone.tabTo("form button[type=submit]");
            page.keyboard().press("Enter");

            phone.waitFor("table.calendar");
            assertThat(page.locator("#when-heading + p.hint").textContent()).isEqualTo("Dinner · 2 people · Terrace");
            phone.tabTo("table.calendar button[tabindex='0']");
            String day = (String) page.evaluate("() => document.activeElement.dataset.date");
            assertThat(day).as("a bookable day is focused").isNotNull();
            page.keyboard().press("Enter");
            phone.waitFor("ul.slots button");
            List<String> shown =
                    page.locator("ul.slots button").allTextContents().isEmpty()
                            ? List.of()
                            : page.locator("ul.slots button").all().stream()
                                    .map(button -> button.getAttribute("data-start"))
                                    .toList();
            assertThat(shown).as("the terrace's times only").isEqualTo(starts(day, terrace));
            assertThat(shown).isNotEqualTo(starts(day, null));
            phone.screenshot("area-02-terrace-times");
            phone.tabTo("ul.slots button");
            String start = (String) page.evaluate("() => document.activeElement.dataset.start");
            page.keyboard().press("Enter");

            phone.waitFor("#details-heading");
            assertThat(page.locator("#details-heading + p").textContent()).endsWith(" · 2 people · Terrace");
            phone.tabTo("#contact-first_name");
            page.keyboard().type("Ana");
            page.keyboard().press("Tab");
            page.keyboard().type("García");
            page.keyboard().press("Tab");
            page.keyboard().type("ana.garcia@example.com");
            phone.tabTo("form button.primary[type=submit]");
            page.keyboard().press("Enter");

            phone.waitFor("#done-heading");
            assertThat(page.locator("dl.summary").textContent())
                    .contains("Area")
                    .contains("Terrace");
            phone.screenshot("area-03-confirmed");
            phone.assertAccessible("the confirmation with the area");
            String code = page.locator("dd.code").textContent();
            String manage = page.locator("#manage-link").getAttribute("href");

            Response found = api.get(tenant.adminKey(), "/reservations?confirmation_code=" + code);
            TestApi.expect(found, 200);
            JsonNode booked = found.body().get("data").get(0);
            assertThat(booked.get("start_datetime").asString()).isEqualTo(start);
            assertThat(booked.get("seating_preference").asString()).isEqualTo(terrace);
            assertThat(booked.get("seating_preference_met").asBoolean()).isTrue();
            assertThat(booked.get("assigned_resources").get(0).get("name").asString())
                    .isEqualTo("Table 7");

            page.navigate(api.base() + manage);
            phone.waitFor("#manage-heading");
            assertThat(page.locator("dl.summary").textContent()).contains("Terrace");
            phone.assertNoErrors();
        }
    }

    @Test
    void aSpanishPageOffersItsAreasInSpanish() {
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/reservation-booking-links/" + linkId(),
                        fields("page_config", fields("hero_title", "Reserva tu mesa", "locale", "es"))),
                200);
        try (BrowserTab phone = Browser.phone("es-ES")) {
            Page page = phone.page();
            page.navigate(api.base() + pagePath);
            phone.waitFor("#visit-heading");
            assertThat(page.locator("fieldset legend").textContent()).isEqualTo("¿Dónde prefieres sentarte?");
            assertThat(page.locator("fieldset label.choice strong").allTextContents())
                    .containsExactly("Cualquier zona", "Terrace", "Dining room");
            phone.screenshot("area-10-spanish-visit");
            phone.assertNoErrors();
        }
    }

    @Test
    void theManagePageSaysWhenTheAreaWasFullAndTheGuestSitsElsewhere() {
        String start = LocalDate.now(BERLIN)
                .plusDays(1)
                .atTime(19, 0)
                .atZone(BERLIN)
                .toInstant()
                .toString();
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
                                start,
                                "seating_preference",
                                terrace)),
                201);
        String base = "/public/booking-links/" + tenant.id() + "/dinner";
        Response held = api.post(
                null,
                base + "/holds",
                fields("service_id", dinner, "party_size", 2, "start_datetime", start, "seating_preference", terrace));
        TestApi.expect(held, 201);
        TestApi.expect(
                api.post(
                        null,
                        base + "/bookings/" + held.get("token") + "/confirm",
                        fields("contact", fields("first_name", "Bo", "last_name", "Lund", "email", "bo@example.com"))),
                200);
        try (BrowserTab phone = Browser.phone("en-GB")) {
            Page page = phone.page();
            page.navigate(api.base() + held.get("manage_path"));
            phone.waitFor("#manage-heading");
            assertThat(page.locator("dl.summary").textContent())
                    .contains("Terrace: full at this time, so you will have a table in another area");
            phone.screenshot("area-11-manage-area-full");
            phone.assertNoErrors();
        }
    }

    private String linkId() {
        return api.get(tenant.adminKey(), "/reservation-booking-links?slug=dinner")
                .body()
                .get("data")
                .get(0)
                .get("id")
                .asString();
    }

    private List<String> starts(String day, String area) {
        Response slots = api.get(
                null,
                "/public/booking-links/" + tenant.id() + "/dinner/slots?service_id=" + dinner + "&party_size=2&date="
                        + day + (area == null ? "" : "&area_id=" + area));
        TestApi.expect(slots, 200);
        List<String> starts = new ArrayList<>();
        slots.body()
                .get("days")
                .get(0)
                .get("slots")
                .forEach(slot -> starts.add(slot.get("start_datetime").asString()));
        return starts;
    }
}

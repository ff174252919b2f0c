package io.reserva.console;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The timeline's gaps of issue 11 closed: a party from the night before still at its table is on the next day's
 * timeline, and the covers footer shows a service's pacing limit beside the covers, marked when exceeded. Live
 * changes are applied to the day the console holds (the reservation the event carries), not by reading the day.
 */
class ConsoleTimelineBrowserIntegrationTests extends ConsoleBrowser {

    String overrideAt(LocalDateTime at, int party, String table, String first) {
        Response booked = api.post(
                tenant.adminKey(),
                "/reservations",
                fields(
                        "service_id",
                        dinner,
                        "party_size",
                        party,
                        "start_datetime",
                        at.atZone(BERLIN).toInstant().toString(),
                        "override",
                        true,
                        "assigned_resources",
                        List.of(table),
                        "contact",
                        fields(
                                "first_name",
                                first,
                                "last_name",
                                "Guest",
                                "email",
                                first.toLowerCase() + "-"
                                        + UUID.randomUUID().toString().substring(0, 6) + "@example.com")));
        TestApi.expect(booked, 201);
        return booked.get("id");
    }

    @Test
    void emptyTimeIsBookedByDraggingAcrossARowByAClickAndByKeyboard() {
        overrideAt(day.atTime(19, 0), 2, table1, "Ana");
        open(1280, 900);
        signIn(adminEmail);
        goToDay("timeline");
        // The day's hours start at 12:00 (the tables open then): quarter n is 12:00 + 15 n minutes.
        Locator lane2 = page.locator(".tl-lane[data-resource='" + table2 + "']");
        var box = lane2.boundingBox();
        double y = box.y + box.height / 2;
        double x19 = box.x + 28 * 28 + 5;
        page.mouse().move(x19, y);
        page.mouse().down();
        page.mouse().move(x19 + 2 * 28, y, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
        assertThat(lane2.locator(".tl-select").textContent())
                .as("the stretch is shown while dragging")
                .isEqualTo("7:00 PM–7:45 PM");
        // Released in the 20:15 cell: 19:00 to 20:30, snapped to the quarters.
        page.mouse().move(x19 + 5 * 28 + 20, y, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(3));
        page.mouse().up();
        page.waitForSelector("#new-picked");
        assertThat(page.locator("#new-picked").textContent())
                .isEqualTo("From the timeline: 7:00 PM–8:30 PM on Table 2.");
        assertThat(page.isChecked("#new-override")).isTrue();
        assertThat(page.inputValue("#new-override-time")).isEqualTo("19:00");
        assertThat(page.inputValue("#new-override-resource")).isEqualTo(table2);
        assertThat(page.locator("#new-length").textContent())
                .isEqualTo("The booking lasts 90 min, as picked (Dinner).");
        assertThat(lane2.locator(".tl-select").count())
                .as("the stretch goes with the release")
                .isZero();
        assertAccessible("new reservation from the timeline");
        for (int[] size : new int[][] {{1280, 900}, {1024, 768}, {375, 812}}) {
            page.setViewportSize(size[0], size[1]);
            screenshot("timeline-picked-" + size[0]);
        }
        page.setViewportSize(1280, 900);
        page.fill("#new-first-name", "Eva");
        page.fill("#new-email", "eva-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        page.click("#new-book");
        page.waitForSelector(".tl-row[data-resource='" + table2 + "'] .tile[aria-label^='Eva']");
        var eva = api.get(tenant.adminKey(), "/reservations?date=" + day + "&source=manual")
                .body()
                .get("data");
        assertThat(eva).hasSize(1);
        assertThat(eva.get(0).get("start_datetime").asString())
                .isEqualTo(day.atTime(19, 0).atZone(BERLIN).toInstant().toString());
        assertThat(eva.get(0)
                        .get("assigned_resources")
                        .get(0)
                        .get("resource_id")
                        .asString())
                .isEqualTo(table2);
        assertThat(eva.get(0).get("is_override").asBoolean()).isTrue();

        // A plain click on empty time: that start on that row, no length.
        Locator lane3 = page.locator(".tl-lane[data-resource='" + table3 + "']");
        // (A locator's click: the timeline may be redrawn once more after the booking, and it finds the new row.)
        lane3.click(new Locator.ClickOptions().setPosition(32 * 28 + 10, 20));
        page.waitForSelector("#new-picked");
        assertThat(page.locator("#new-picked").textContent()).isEqualTo("From the timeline: 8:00 PM on Table 3.");
        assertThat(page.inputValue("#new-override-time")).isEqualTo("20:00");
        assertThat(page.inputValue("#new-override-resource")).isEqualTo(table3);
        assertThat(page.locator("#new-length").count()).isZero();
        closeDialog();
        // On the unassigned row: no table chosen, the API's pick.
        page.locator(".tl-lane[data-resource='']").click(new Locator.ClickOptions().setPosition(32 * 28 + 10, 20));
        page.waitForSelector("#new-picked");
        assertThat(page.locator("#new-picked").textContent())
                .isEqualTo("From the timeline: 8:00 PM, any table that fits.");
        assertThat(page.inputValue("#new-override-resource")).isEmpty();
        closeDialog();

        // By keyboard: Tab reaches the row; arrows move the cursor, Shift with arrows lengthens it, Enter books.
        page.focus("#view-timeline");
        tab.tabTo(".tl-lane[data-resource='" + table3 + "']");
        Locator cursor = lane3.locator(".tl-cursor");
        cursor.waitFor();
        int first = (int) Math.round(
                Double.parseDouble(((String) cursor.evaluate("el => el.style.left")).replace("px", "")) / 28);
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        for (int i = 0; i < 4; i++) {
            page.keyboard().press("Shift+ArrowRight");
        }
        page.keyboard().press("Shift+ArrowLeft");
        page.keyboard().press("ArrowLeft");
        LocalTime start = LocalTime.of(12, 0).plusMinutes(15L * (first + 1));
        assertThat(lane3.getAttribute("aria-label"))
                .isEqualTo("Table 3: book " + twelveHour(start) + "–" + twelveHour(start.plusMinutes(60)));
        assertAccessible("timeline with a row's cursor");
        screenshot("timeline-cursor-1280");
        // A change heard on the live stream redraws the timeline: the row keeps its focus and its cursor.
        overrideAt(day.atTime(21, 0), 2, table1, "Gala");
        page.waitForSelector(".tile[aria-label^='Gala']");
        assertThat((Boolean) page.evaluate(
                        "s => document.activeElement.matches(s)", ".tl-lane[data-resource='" + table3 + "']"))
                .as("focus kept through the redraw")
                .isTrue();
        assertThat(page.locator(".tl-lane[data-resource='" + table3 + "'] .tl-cursor")
                        .textContent())
                .isEqualTo(twelveHour(start) + "–" + twelveHour(start.plusMinutes(60)));
        page.keyboard().press("Enter");
        page.waitForSelector("#new-picked");
        assertThat(page.inputValue("#new-override-time")).isEqualTo(start.toString());
        assertThat(page.inputValue("#new-override-resource")).isEqualTo(table3);
        assertThat(page.locator("#new-length").textContent())
                .as("the API takes no length: the service's is said")
                .isEqualTo("The booking lasts as long as its service (Dinner: 90 min); 60 min were picked.");
        assertThat(tab.focused()).as("focus in the dialog, on the party size").isEqualTo("new-party");
        page.fill("#new-party", "3");
        page.fill("#new-first-name", "Fede");
        page.fill("#new-email", "fede-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        page.focus("#new-book");
        page.keyboard().press("Enter");
        page.waitForSelector(".tl-row[data-resource='" + table3 + "'] .tile[aria-label^='Fede']");
        var fede = api.get(tenant.adminKey(), "/reservations?date=" + day + "&source=manual&party_size=3")
                .body()
                .get("data");
        assertThat(fede).hasSize(1);
        assertThat(fede.get(0).get("start_datetime").asString())
                .isEqualTo(day.atTime(start).atZone(BERLIN).toInstant().toString());
        assertThat(fede.get(0)
                        .get("assigned_resources")
                        .get(0)
                        .get("resource_id")
                        .asString())
                .isEqualTo(table3);
        assertNoErrors();
    }

    private void closeDialog() {
        page.keyboard().press("Escape");
        page.waitForSelector(
                "dialog[open]",
                new com.microsoft.playwright.Page.WaitForSelectorOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
    }

    private static String twelveHour(LocalTime time) {
        return time.format(java.time.format.DateTimeFormatter.ofPattern("h:mm a", java.util.Locale.US));
    }

    @Test
    void aPartyFromTheNightBeforeAndThePacingLimitAreOnTheTimeline() {
        // Open past midnight the day before, so a party at 23:30 stays until 01:00.
        catalog().everyDay(table1, "12:00", "02:00");
        String late = overrideAt(day.minusDays(1).atTime(23, 30), 2, table1, "Nora");
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/reservation-services/" + dinner,
                        fields("pacing", fields("interval_minutes", 15, "max_covers", 6))),
                200);
        overrideAt(day.atTime(19, 0), 4, table2, "Ana");
        overrideAt(day.atTime(19, 0), 5, table3, "Bruno");
        book(LocalTime.of(20, 0), 2, table1, "Cleo");

        open(1280, 900);
        signIn(adminEmail);
        goToDay("timeline");
        Locator tile = page.locator(".tl-row[data-resource='" + table1 + "'] .tile[data-reservation='" + late + "']");
        tile.waitFor();
        assertThat(tile.getAttribute("class")).contains("continues");
        assertThat(tile.getAttribute("aria-label")).contains("Nora Guest", "from the day before");
        assertThat(tile.evaluate("el => el.style.left")).isEqualTo("0px");
        assertThat(page.locator("#count-booked").textContent())
                .as("the night before's party counts on its own day")
                .contains("11 covers", "3 parties");
        assertThat(page.locator("#reservation-list").count()).isZero();

        Locator over = page.locator(".tl-pace.over");
        assertThat(over.allTextContents()).containsExactly("9/6");
        assertThat(over.getAttribute("title")).contains("7:00", "9 covers", "at most 6", "over the limit");
        assertThat(page.locator(".tl-pace:not(.over)").allTextContents()).containsExactly("2/6");
        assertThat(page.locator(".tl-foot .tl-label").allTextContents()).contains("Dinner: max 6 per 15 min");
        screenshot("timeline-continuing-pacing-1280");
        assertAccessible("timeline with a party from the night before and pacing");

        // A change arrives as an event and is applied without reading the day again. The day is read twice: on
        // arrival, and once more (quietly) when the stream first opens.
        String dayReads =
                "() => performance.getEntriesByType('resource').filter(e => e.name.includes('/days/')).length";
        page.waitForSelector("#live.on");
        page.waitForFunction(dayReads + " >= 2");
        String dana = overrideAt(day.atTime(21, 0), 3, table3, "Dana");
        page.waitForSelector(".tile[data-reservation='" + dana + "']");
        page.waitForFunction("() => document.querySelector('#count-booked').textContent.includes('14 covers')");
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/reservations/" + late,
                        fields(
                                "start_datetime",
                                day.minusDays(1)
                                        .atTime(21, 0)
                                        .atZone(BERLIN)
                                        .toInstant()
                                        .toString(),
                                "override",
                                true)),
                200);
        page.waitForSelector(
                ".tile[data-reservation='" + late + "']",
                new com.microsoft.playwright.Page.WaitForSelectorOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
        assertThat(page.evaluate(dayReads))
                .as("live changes applied, not the day read again")
                .isEqualTo(2);
        assertNoErrors();
    }

    private io.reserva.support.CatalogFixtures catalog() {
        return new io.reserva.support.CatalogFixtures(api, tenant.adminKey());
    }
}

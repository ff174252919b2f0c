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

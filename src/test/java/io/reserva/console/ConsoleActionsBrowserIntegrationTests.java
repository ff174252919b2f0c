package io.reserva.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import io.reserva.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff acting on the day in Chromium: a booking through the slot search, a drag onto a taken table (the
 * reason shown, the tile back) and the same move by keyboard, seat, complete and no-show with undo, a walk-in.
 */
@IntegrationTest
class ConsoleActionsBrowserIntegrationTests extends ConsoleBrowser {

    /** reserva.console.undo-grace in the tests (the shipped 5 s is ConsoleControllerTests' to prove). */
    static final Duration UNDO_GRACE = Duration.ofSeconds(2);

    @Test
    void bookThroughTheSlotsDragOntoATakenTableAndMoveByKeyboard() {
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        String bruno = book(LocalTime.of(19, 0), 4, table2, "Bruno");
        open(1280, 900);
        signIn(adminEmail);
        goToDay("list");

        page.click("#new-reservation");
        page.fill("#new-party", "3");
        page.click("#find-times");
        page.waitForSelector("#new-slots button.slot");
        assertThat(page.isVisible("#new-table")).as("no table before a time").isFalse();
        String start = page.locator("#new-slots button.slot").first().getAttribute("data-start");
        page.locator("#new-slots button.slot").first().click();
        // The engine's first pick for that start, as the slots answer gives it, is suggested and preselected.
        var firstPick = api.get(
                        tenant.adminKey(),
                        "/reservation-available-slots?service_id=" + dinner + "&party_size=3&date=" + day)
                .body()
                .get("slots")
                .get(0)
                .get("resources")
                .get(0);
        page.waitForSelector(
                "#new-suggested:has-text('Suggested: " + firstPick.get("name").asString() + "')");
        assertThat(page.inputValue("#new-table")).isEqualTo(firstPick.get("id").asString());
        String other = firstPick.get("id").asString().equals(table3) ? table2 : table3;
        page.selectOption("#new-table", other);
        page.fill("#new-first-name", "Eva");
        page.fill("#new-email", "eva-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        assertAccessible("new reservation");
        for (int[] size : new int[][] {{1280, 900}, {1024, 768}, {375, 812}}) {
            page.setViewportSize(size[0], size[1]);
            page.locator("#new-table").scrollIntoViewIfNeeded();
            screenshot("new-suggested-" + size[0]);
        }
        page.setViewportSize(1280, 900);
        page.click("#new-book");
        page.waitForSelector("#reservation-list tr:has-text('Eva')");
        JsonAssert booked = JsonAssert.of(api.get(tenant.adminKey(), "/reservations?date=" + day + "&party_size=3"));
        assertThat(booked.first("start_datetime")).isEqualTo(start);
        assertThat(booked.first("source")).isEqualTo("manual");
        assertThat(booked.body()
                        .get("data")
                        .get(0)
                        .get("assigned_resources")
                        .get(0)
                        .get("resource_id")
                        .asString())
                .as("the table staff chose, not the suggestion")
                .isEqualTo(other);

        // The table chosen is taken before the booking is sent: the engine seats the party elsewhere, and says so.
        page.click("#new-reservation");
        page.fill("#new-party", "2");
        page.click("#find-times");
        page.waitForSelector("#new-slots button.slot[data-start='" + start + "']");
        page.click("#new-slots button.slot[data-start='" + start + "']");
        page.waitForSelector("#new-suggested:not(:empty)");
        String wanted = page.inputValue("#new-table");
        page.fill("#new-first-name", "Flor");
        page.fill("#new-email", "flor-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com");
        io.reserva.support.TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservations",
                        io.reserva.support.TestApi.fields(
                                "service_id",
                                dinner,
                                "party_size",
                                2,
                                "start_datetime",
                                start,
                                "override",
                                true,
                                "assigned_resources",
                                java.util.List.of(wanted))),
                201);
        page.click("#new-book");
        page.waitForSelector("#alert:has-text('was no longer free')");
        assertThat(page.locator("#alert").textContent()).startsWith("Booked Flor");
        JsonAssert flor =
                JsonAssert.of(api.get(tenant.adminKey(), "/reservations?date=" + day + "&party_size=2&source=manual"));
        assertThat(flor.body().get("data")).hasSize(1);
        String heldBy = flor.body()
                .get("data")
                .get(0)
                .get("assigned_resources")
                .get(0)
                .get("resource_id")
                .asString();
        assertThat(heldBy).isNotEqualTo(wanted);
        assertThat(page.locator("#alert").textContent()).contains("the booking holds");

        page.click("#view-timeline");
        Locator tile = page.locator(".tile[data-reservation='" + ana + "']");
        tile.waitFor();
        String left = (String) tile.evaluate("el => el.style.left");
        tab.expectFailure(409, "PATCH", "/reservations/" + ana);
        tile.dragTo(
                page.locator(".tl-lane[data-resource='" + table2 + "']"),
                new Locator.DragToOptions()
                        .setSourcePosition(10, 10)
                        .setTargetPosition(Double.parseDouble(left.replace("px", "")) + 10, 10));
        page.waitForSelector("#alert:has-text('did not work')");
        assertThat(page.locator("#alert").textContent()).contains("did not work");
        Locator back = page.locator(".tl-row[data-resource='" + table1 + "'] .tile[data-reservation='" + ana + "']");
        back.waitFor();
        assertThat((String) back.evaluate("el => el.style.left"))
                .as("the tile returns")
                .isEqualTo(left);
        assertThat(api.get(tenant.adminKey(), "/reservations/" + ana)
                        .body()
                        .get("assigned_resources")
                        .get(0)
                        .get("resource_id")
                        .asString())
                .isEqualTo(table1);
        assertThat(status(bruno)).isEqualTo("confirmed");

        // The keyboard's way: open the tile, Move, a new time and table.
        back.focus();
        page.keyboard().press("Enter");
        page.waitForSelector("#move-reservation");
        page.focus("#move-reservation");
        page.keyboard().press("Enter");
        page.waitForSelector("#move-time");
        page.fill("#move-time", "20:30");
        page.selectOption("#move-resource", table3);
        page.focus("#move-save");
        page.keyboard().press("Enter");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var moved = api.get(tenant.adminKey(), "/reservations/" + ana).body();
            assertThat(moved.get("start_datetime").asString())
                    .isEqualTo(day.atTime(20, 30).atZone(BERLIN).toInstant().toString());
            assertThat(moved.get("assigned_resources").get(0).get("resource_id").asString())
                    .isEqualTo(table3);
        });
        page.waitForSelector(".tl-row[data-resource='" + table3 + "'] .tile[data-reservation='" + ana + "']");
        assertNoErrors();
    }

    @Test
    void seatCompleteNoShowWithUndoAndAWalkIn() {
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        String bruno = book(LocalTime.of(19, 0), 4, table2, "Bruno");
        String cleo = book(LocalTime.of(19, 30), 5, table3, "Cleo");
        open(1024, 768);
        signIn(adminEmail);
        goToDay("list");

        // Moves wait the grace period (2 s here, see IntegrationTest) for an undo, side by side: nothing is sent
        // before it ends.
        long clicked = System.nanoTime();
        row(ana).locator("button[data-to=seated]").click();
        row(bruno).locator("button[data-to=no_show]").click();
        page.waitForSelector("#toast #undo");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> status(ana).equals("seated") && status(bruno).equals("no_show"));
        assertThat(Duration.ofNanos(System.nanoTime() - clicked))
                .as("the seating waited out the grace period")
                .isGreaterThanOrEqualTo(UNDO_GRACE);
        page.waitForSelector("#count-noShows:has-text('4 covers')");
        page.waitForSelector("tr[data-reservation='" + ana + "'] button[data-to=completed]");

        row(ana).locator("button[data-to=completed]").click();
        row(cleo).locator("button[data-to=seated]").click();
        // Within the grace period a move waits: Cleo's seating is undone, Ana's completion goes ahead.
        page.click("#toast #undo");
        await().atMost(Duration.ofSeconds(20)).until(() -> status(ana).equals("completed"));
        await().during(UNDO_GRACE.plusSeconds(1))
                .atMost(UNDO_GRACE.plusSeconds(5))
                .until(() -> status(cleo).equals("confirmed"));
        page.waitForSelector("tr[data-reservation='" + cleo + "'] button[data-to=seated]");

        // A walk-in is seated now, on today's page.
        page.navigate(api.base() + "/console");
        page.waitForSelector("#reservation-list");
        page.click("#walk-in");
        page.fill("#walk-party", "3");
        page.selectOption("#walk-table", table3);
        assertAccessible("walk-in");
        page.click("#walk-seat");
        page.waitForSelector("#reservation-list tr[data-status=seated]");
        var walkIns = api.get(tenant.adminKey(), "/reservations?source=walk_in")
                .body()
                .get("data");
        assertThat(walkIns).hasSize(1);
        assertThat(walkIns.get(0).get("status").asString()).isEqualTo("seated");
        assertThat(walkIns.get(0).get("contact").isNull()).isTrue();
        assertThat(walkIns.get(0)
                        .get("assigned_resources")
                        .get(0)
                        .get("resource_id")
                        .asString())
                .isEqualTo(table3);
        assertNoErrors();
    }
}

package io.reserva.console;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The staff console's day in Chromium: sign in from the root and from a deep link, the day's numbers, search
 * and sort, the list and the timeline at 1280, 1024 and 375 px (screenshots under
 * target/screenshots/console-*), a revoked session that comes back to the same day, and a read-only user.
 */
@IntegrationTest
class ConsoleBrowserIntegrationTests extends ConsoleBrowser {

    @Test
    void theDemoDayAsAListAndATimelineAtThreeWidths() {
        // Table 2 opens only at 18:00 that day: its afternoon is shaded.
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/reservation-resource-exceptions",
                        fields(
                                "resource_id", table2,
                                "date", day.toString(),
                                "exception_type", "special_hours",
                                "start_time", "18:00",
                                "end_time", "23:00")),
                201);
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        book(LocalTime.of(19, 30), 4, table2, "Bruno");
        String cleo = book(LocalTime.of(20, 0), 5, table3, "Cleo");
        TestApi.expect(api.patch(tenant.adminKey(), "/reservations/" + cleo, fields("status", "seated")), 200);
        TestApi.expect(
                api.patch(
                        tenant.adminKey(),
                        "/reservations/" + book(LocalTime.of(21, 0), 2, table1, "Dora"),
                        fields("status", "cancelled")),
                200);

        open(1280, 900);
        page.navigate(api.base() + "/console?date=" + day + "&view=list");
        page.waitForSelector("#email");
        assertThat(page.locator("#sign-in-message").textContent()).contains("Sign in again");
        assertAccessible("sign-in");
        screenshot("sign-in-1280");
        page.fill("#email", adminEmail);
        page.fill("#password", PASSWORD);
        page.keyboard().press("Enter");
        page.waitForSelector("#reservation-list");
        assertThat(page.url()).as("back to the day asked for").contains("date=" + day);
        assertThat(page.locator("#org-name").textContent())
                .isEqualTo(tenant.organization().get("name").asString());
        assertThat(page.locator("#settings-link").getAttribute("href")).isEqualTo("/console/settings");
        assertThat(page.locator("#count-booked").textContent()).contains("11 covers", "3 parties");
        assertThat(page.locator("#count-seated").textContent()).contains("5 covers");
        assertThat(page.locator("#count-cancellations").textContent()).contains("1 party");
        assertThat(row(ana).textContent()).contains("7:00", "Ana Guest", "Table 1", "Booking page", "Window");
        page.fill("#search", "bruno");
        assertThat(page.locator("#reservation-list tbody tr").count()).isEqualTo(1);
        page.fill("#search", "");
        page.click("button.sort[data-sort=party]");
        page.click("button.sort[data-sort=party]");
        assertThat(page.locator("#reservation-list tbody tr").first().getAttribute("data-reservation"))
                .as("sorted by party size, largest first")
                .isEqualTo(cleo);
        assertAccessible("list");

        for (int[] size : new int[][] {{1280, 900}, {1024, 768}, {375, 812}}) {
            page.setViewportSize(size[0], size[1]);
            goToDay("list");
            screenshot("list-" + size[0]);
            page.click("#view-timeline");
            page.waitForSelector("#timeline .tile");
            screenshot("timeline-" + size[0]);
        }
        assertThat(page.locator(".tl-row[data-resource='" + table3 + "'] .tile").getAttribute("class"))
                .contains("status-seated");
        assertThat(page.locator(".tl-row[data-resource='" + table2 + "'] .tl-closed")
                        .count())
                .as("closed time shaded")
                .isGreaterThan(0);
        assertThat(page.locator(".tl-covers .tl-count").allTextContents()).contains("2", "4", "5");
        assertAccessible("timeline");
        page.click(".tile[data-reservation='" + ana + "']");
        page.waitForSelector("dialog[open]");
        assertAccessible("reservation dialog");
        screenshot("reservation-375");
        assertNoErrors();
    }

    @Test
    void anEndedSessionGoesToSignInAndComesBackToTheSameDay() {
        open(1280, 900);
        signIn(adminEmail);
        goToDay("timeline");
        // Away from the console while the session is ended: an open console's live stream notices within seconds
        // and sends the page to sign-in by itself, which raced the test's own navigation (net::ERR_ABORTED). The
        // next day is then opened by its address, with the browser's cookie of the ended session.
        tab.expectCutOff("/events/stream");
        page.navigate("about:blank");
        TestApi.expect(api.delete(tenant.adminKey(), "/users/" + adminId + "/sessions"), 200);
        // The organization and its day, asked for together with the session (the organization shown last).
        tab.expectFailure(401, "GET", "/organizations/" + tenant.id());
        tab.expectFailure(401, "GET", "/events/stream");
        tab.expectFailure(401, "GET", "/waitlist-entries"); // the waitlist panel reads the same day
        page.navigate(api.base() + "/console?date=" + day.plusDays(1) + "&view=timeline");
        page.waitForSelector("#email");
        assertThat(page.locator("#sign-in-message").textContent()).contains("session ended");
        page.fill("#email", adminEmail);
        page.fill("#password", PASSWORD);
        page.click("form.sign-in button[type=submit]");
        page.waitForSelector("#timeline");
        assertThat(page.url()).contains("date=" + day.plusDays(1), "view=timeline");
        assertThat(page.inputValue("#date")).isEqualTo(day.plusDays(1).toString());
        assertNoErrors();
    }

    /**
     * The console asks for the organization it showed last together with the session (a round trip sooner); a
     * browser that last showed another organization gets that guess refused, drops it, and shows its own day.
     */
    @Test
    void aWrongGuessOfTheOrganizationIsDroppedAndTheUsersOwnDayShown() {
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        open(1280, 900);
        signIn(adminEmail);
        assertThat(page.evaluate("() => JSON.parse(localStorage.getItem('reserva.console.organization')).id"))
                .as("remembered at sign-in's first day")
                .isEqualTo(tenant.id().toString());
        String stranger = api.newTenant().id().toString();
        page.evaluate(
                "id => localStorage.setItem('reserva.console.organization',"
                        + " JSON.stringify({ id: id, timezone: 'Asia/Tokyo' }))",
                stranger);
        tab.expectFailure(404, "GET", "/organizations/" + stranger);
        goToDay("list");
        assertThat(row(ana).textContent()).contains("Ana Guest");
        assertThat(page.evaluate("() => JSON.parse(localStorage.getItem('reserva.console.organization')).id"))
                .isEqualTo(tenant.id().toString());
        assertNoErrors();
    }

    @Test
    void aReadOnlyUserSeesTheDayButNoEditControls() {
        String ana = book(LocalTime.of(19, 0), 2, table1, "Ana");
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        user(email, "read_only");
        open(375, 812);
        signIn(email);
        goToDay("list");
        assertThat(row(ana).textContent()).contains("Ana Guest");
        assertThat(page.locator("#new-reservation").count()).isZero();
        assertThat(page.locator("#walk-in").count()).isZero();
        assertThat(page.locator("#settings-link").count()).isZero();
        assertThat(page.locator("button[data-to]").count()).isZero();
        page.click("#view-timeline");
        page.waitForSelector(".tile[data-reservation='" + ana + "']");
        assertThat(page.locator(".tile[draggable=true]").count()).isZero();
        page.click(".tile[data-reservation='" + ana + "']");
        page.waitForSelector("dialog[open]");
        assertThat(page.locator("dialog button[data-to], #edit-reservation, #move-reservation")
                        .count())
                .isZero();
        assertThat(page.getByRole(AriaRole.DIALOG).textContent()).contains("Table 1");
        page.click("#open-guest-card");
        page.waitForSelector("dialog[open] .guest-card");
        assertThat(page.locator("dialog[open]").textContent()).contains("Upcoming reservations", "Visits");
        assertThat(page.locator("dialog[open] .history li").count()).isEqualTo(1);
        assertThat(page.locator("#guest-tags").count())
                .as("read only: nothing to edit")
                .isZero();
        assertAccessible("guest card");
        screenshot("read-only-375");
        assertNoErrors();
    }
}

package io.reserva.users.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.reserva.support.BrowserTab;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An admin sets up a venue's catalogue on the console's settings screens in a real Chromium, signed in through
 * the API in the browser's own context: the week grid, a closure, a service with turn times and a resource, each
 * checked through the API afterwards, and refusals shown at their fields with nothing typed lost. Screenshots of
 * every section at 1280, 1024 and 375 px go to target/screenshots/; axe-core runs on each section. Users, keys,
 * links and roles are in {@link ConsoleSettingsAccessBrowserIntegrationTests}.
 */
@IntegrationTest
class ConsoleSettingsBrowserIntegrationTests extends SettingsBrowser {

    @Test
    void anAdminSetsTheWeekAndAClosureAndSeesARefusalAtItsField() {
        Response terrace = api.post(tenant.adminKey(), "/reservation-areas", Map.of("name", "Terrace"));
        TestApi.expect(terrace, 201);
        try (BrowserTab screen = SettingsBrowser.signedIn(api, adminEmail, "en-GB")) {
            Page page = screen.page();
            page.navigate(api.base() + "/console/settings");
            screen.waitFor("fieldset.day");
            assertThat(page.locator("nav.sections a[aria-current=page]").textContent())
                    .isEqualTo("Weekly hours");
            assertThat(page.locator("fieldset.day").count()).isEqualTo(7);

            // Monday by keyboard: the add button, then the new window's first time has the focus.
            screen.tabTo("button[data-add='1']");
            page.keyboard().press("Enter");
            assertThat(page.evaluate("() => document.activeElement.getAttribute('data-window')"))
                    .isEqualTo("1/0");
            page.locator("input[data-window='1/0']").nth(0).fill("12:00");
            page.locator("input[data-window='1/0']").nth(1).fill("15:00");
            // Friday runs past midnight.
            page.locator("button[data-add='5']").click();
            page.locator("input[data-window='5/0']").nth(0).fill("18:00");
            page.locator("input[data-window='5/0']").nth(1).fill("02:00");
            assertThat(page.locator("fieldset.day").nth(4).locator(".note").textContent())
                    .isEqualTo("ends the next day");
            // A second Monday window over the first: the server refuses the week and names the window.
            page.locator("button[data-add='1']").click();
            page.locator("input[data-window='1/1']").nth(0).fill("13:00");
            page.locator("input[data-window='1/1']").nth(1).fill("14:00");
            screen.expectFailure(422, "PUT", "/reservation-resource-availability/week");
            page.locator("form.week button[type=submit]").click();
            screen.waitFor("input[data-window='1/1'][aria-invalid=true]");
            String describedBy = page.locator("input[data-window='1/1']").nth(0).getAttribute("aria-describedby");
            assertThat(page.locator("#" + describedBy.split(" ")[0]).textContent())
                    .contains("overlaps");
            assertThat(page.locator("input[data-window='1/1']").nth(0).inputValue())
                    .as("what was typed stays")
                    .isEqualTo("13:00");
            assertThat(page.locator("p.status").textContent()).isEqualTo("Please correct the fields marked below.");
            assertThat(weekOfTheVenue()).as("nothing saved").isEmpty();
            SettingsBrowser.screenshots(screen, "hours-refused");

            page.locator("button.remove[aria-label='Remove Monday 13:00 to 14:00']")
                    .click();
            page.locator("form.week button[type=submit]").click();
            screen.waitFor("p.status.ok");
            assertThat(page.locator("p.status").textContent()).isEqualTo("The week is saved.");
            assertThat(weekOfTheVenue()).containsExactly("1 12:00-15:00", "5 18:00-02:00");
            SettingsBrowser.screenshots(screen, "hours");
            screen.assertAccessible("hours");

            page.locator("nav.sections a[href='#closures']").click();
            screen.waitFor("input[name=date]");
            page.locator("input[name=date]").fill("2027-12-24");
            page.locator("select[name=exception_type]").selectOption("special_hours");
            page.locator("input[name=start_time]").fill("10:00");
            page.locator("input[name=end_time]").fill("14:00");
            page.locator("input[name=reason]").fill("Christmas Eve: lunch only");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("ul.items li.item");
            assertThat(page.locator("ul.items li.item").textContent()).contains("Christmas Eve: lunch only");
            JsonNode closures = api.get(tenant.adminKey(), "/reservation-resource-exceptions?resource_id=null")
                    .body()
                    .get("data");
            assertThat(closures).hasSize(1);
            assertThat(closures.get(0).get("date").asString()).isEqualTo("2027-12-24");
            assertThat(closures.get(0).get("exception_type").asString()).isEqualTo("special_hours");
            assertThat(closures.get(0).get("start_time").asString()).isEqualTo("10:00");
            SettingsBrowser.screenshots(screen, "closures");
            screen.assertAccessible("closures");

            // The terrace closes for a private party: a closure of the area, not of the venue.
            page.locator("select[name=owner]").selectOption("area:" + terrace.get("id"));
            screen.waitFor(".list-area p.empty");
            page.locator("select[name=exception_type]").selectOption("blocked");
            page.locator("input[name=date]").fill("2027-07-10");
            page.locator("input[name=reason]").fill("Private party");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("ul.items li.item");
            assertThat(page.locator("ul.items li.item").textContent()).contains("Private party");
            JsonNode terraceClosures = api.get(
                            tenant.adminKey(), "/reservation-resource-exceptions?area_id=" + terrace.get("id"))
                    .body()
                    .get("data");
            assertThat(terraceClosures).hasSize(1);
            assertThat(terraceClosures.get(0).get("exception_type").asString()).isEqualTo("blocked");
            assertThat(terraceClosures.get(0).get("resource_id").isNull()).isTrue();
            screen.assertNoErrors();
        }
    }

    @Test
    void anAdminCreatesAServiceWithTurnTimesAndAResource() {
        try (BrowserTab screen = SettingsBrowser.signedIn(api, adminEmail, "en-GB")) {
            Page page = screen.page();
            page.navigate(api.base() + "/console/settings#services");
            screen.waitFor("form.editor input[name=name]");
            page.locator("form.editor input[name=name]").fill("Tasting menu");
            page.locator("input[name=duration_minutes]").fill("0");
            page.locator("input[name=max_party_size]").fill("6");
            page.locator("button.add", new Page.LocatorOptions().setHasText("Add a party size"))
                    .click();
            page.locator("input.size").nth(0).fill("2");
            page.locator("input.minutes").nth(0).fill("90");
            page.locator("button.add", new Page.LocatorOptions().setHasText("Add a party size"))
                    .click();
            page.locator("input.size").nth(1).fill("6");
            page.locator("input.minutes").nth(1).fill("150");
            screen.expectFailure(422, "POST", "/reservation-services");
            page.locator("form.editor button[type=submit]").click();
            screen.waitFor("input[name=duration_minutes][aria-invalid=true]");
            assertThat(page.evaluate("() => document.activeElement.name")).isEqualTo("duration_minutes");
            assertThat(page.locator("input[name=duration_minutes] ~ .field-error")
                            .textContent())
                    .isNotBlank();
            assertThat(page.locator("form.editor input[name=name]").inputValue())
                    .isEqualTo("Tasting menu");
            assertThat(page.locator("input.minutes").nth(1).inputValue()).isEqualTo("150");
            SettingsBrowser.screenshots(screen, "services-refused");
            page.locator("input[name=duration_minutes]").fill("120");
            page.locator("form.editor button[type=submit]").click();
            screen.waitFor(".list-area ul.items li.item");
            JsonNode service = only(api.get(tenant.adminKey(), "/reservation-services"));
            assertThat(service.get("name").asString()).isEqualTo("Tasting menu");
            assertThat(service.get("duration_minutes").asInt()).isEqualTo(120);
            assertThat(service.get("max_party_size").asInt()).isEqualTo(6);
            assertThat(service.get("durations_by_party_size").toString())
                    .isEqualTo("[{\"max_party_size\":2,\"duration_minutes\":90},"
                            + "{\"max_party_size\":6,\"duration_minutes\":150}]");
            assertThat(page.locator("#service-links-title").textContent())
                    .as("a new service opens for editing, to link its resources")
                    .isEqualTo("Resources Tasting menu uses");

            page.locator("nav.sections a[href='#resources']").click();
            screen.waitFor("form.editor select[name=resource_type]");
            page.locator("form.editor input[name=name]").fill("Table 9");
            page.locator("input[name=capacity]").fill("4");
            page.locator("form.editor button[type=submit]").click();
            screen.waitFor("ul.items li.item");
            JsonNode resource = only(api.get(tenant.adminKey(), "/reservation-resources"));
            assertThat(resource.get("name").asString()).isEqualTo("Table 9");
            assertThat(resource.get("resource_type").asString()).isEqualTo("table");
            assertThat(resource.get("capacity").asInt()).isEqualTo(4);
            SettingsBrowser.screenshots(screen, "resources");
            screen.assertAccessible("resources");

            page.locator("nav.sections a[href='#services']").click();
            page.locator("button[aria-label='Edit Tasting menu']").click();
            screen.waitFor("#service-links-title");
            page.locator("select[name=resource_id] option")
                    .first()
                    .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                            .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            page.locator("select[name=assignment_mode]").selectOption("any_available");
            page.locator("form.links-form button[type=submit]").click();
            screen.waitFor("form.links-form li.item");
            JsonNode link = only(api.get(tenant.adminKey(), "/reservation-service-resources"));
            assertThat(link.get("service_id").asString())
                    .isEqualTo(service.get("id").asString());
            assertThat(link.get("resource_id").asString())
                    .isEqualTo(resource.get("id").asString());
            assertThat(link.get("assignment_mode").asString()).isEqualTo("any_available");
            SettingsBrowser.screenshots(screen, "services");
            screen.assertAccessible("services");

            // An edit sends what changed; the rest (the turn times among it) stays as it was.
            page.locator("input[name=duration_minutes]").fill("100");
            page.locator("form.editor button[type=submit]").click();
            screen.waitFor("p.status.ok:has-text('Tasting menu is saved.')");
            JsonNode edited = only(api.get(tenant.adminKey(), "/reservation-services"));
            assertThat(edited.get("duration_minutes").asInt()).isEqualTo(100);
            assertThat(edited.get("durations_by_party_size")).isEqualTo(service.get("durations_by_party_size"));
            assertThat(edited.get("max_party_size").asInt()).isEqualTo(6);

            screen.assertNoErrors();
        }
    }

    @Test
    void theShellIsServedUnderAStrictContentSecurityPolicy() {
        Response shell = api.send(null, "GET", "/console/settings", null, java.util.Map.of("Accept", "text/html"));
        assertThat(shell.status()).isEqualTo(200);
        assertThat(shell.header("Content-Security-Policy"))
                .contains("default-src 'none'")
                .contains("script-src 'self'")
                .doesNotContain("unsafe");
        assertThat(shell.text()).contains("<script type=\"module\" src=\"/console/settings/settings.js\">");
    }

    private List<String> weekOfTheVenue() {
        List<String> week = new ArrayList<>();
        api.get(tenant.adminKey(), "/reservation-resource-availability?resource_id=null&$sort[day_of_week]=1")
                .body()
                .get("data")
                .forEach(w -> week.add(
                        w.get("day_of_week").asInt() + " " + w.get("start_time").asString() + "-"
                                + w.get("end_time").asString()));
        return week;
    }

    private static JsonNode only(Response list) {
        assertThat(list.body().get("data")).hasSize(1);
        return list.body().get("data").get(0);
    }
}

package io.reserva.users.web;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.reserva.support.BrowserTab;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The floor on the settings screens, in Chromium: an area, a table combination (a refused one-table combination
 * shown at the tables, then two tables chosen partly by keyboard), and a resource placed in the area and a person
 * given their login, each checked through the API. Screenshots at 1280, 1024 and 375 px; axe-core on each.
 */
@IntegrationTest
class ConsoleSettingsFloorBrowserIntegrationTests extends SettingsBrowser {

    @Test
    void anAdminSetsUpAreasTableCombinationsAndAPersonsLogin() {
        String table1 = table("Table 1", 2);
        String table2 = table("Table 2", 4);
        table("Table 3", 6);
        String stylistEmail = SettingsBrowser.user(api, tenant, "staff", "Sara Stylist");
        try (BrowserTab screen = SettingsBrowser.signedIn(api, adminEmail, "en-GB")) {
            Page page = screen.page();
            page.navigate(api.base() + "/console/settings#areas");
            screen.waitFor("input[name=name]");
            assertThat(page.locator("nav.sections a[aria-current=page]").textContent())
                    .isEqualTo("Areas");
            page.locator("input[name=name]").fill("Terrace");
            page.locator("textarea[name=description]").fill("Under the awning");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("ul.items li.item:has-text('Terrace')");
            JsonNode areas =
                    api.get(tenant.adminKey(), "/reservation-areas").body().get("data");
            assertThat(areas).hasSize(1);
            assertThat(areas.get(0).get("description").asString()).isEqualTo("Under the awning");
            String terrace = areas.get(0).get("id").asString();
            SettingsBrowser.screenshots(screen, "areas");
            screen.assertAccessible("areas");

            page.locator("nav.sections a[href='#combinations']").click();
            screen.waitFor("fieldset.choices input[value='" + table1 + "']");
            page.locator("input[name=name]").fill("Tables 1 + 2");
            page.locator("input[name=max_party_size]").fill("6");
            page.locator("fieldset.choices input[value='" + table1 + "']").check();
            screen.expectFailure(422, "POST", "/reservation-resource-combinations");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("fieldset.choices[aria-invalid=true]");
            String errorId = page.locator("fieldset.choices").getAttribute("id") + "-error";
            assertThat(page.locator("#" + errorId).textContent()).contains("between 2 and 20 tables");
            assertThat(page.locator("input[name=name]").inputValue())
                    .as("what was typed stays")
                    .isEqualTo("Tables 1 + 2");
            SettingsBrowser.screenshots(screen, "combinations-refused");
            page.locator("fieldset.choices input[value='" + table2 + "']").focus();
            page.keyboard().press("Space");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("ul.items li.item:has-text('Table 1 + Table 2')");
            assertThat(page.locator("ul.items li.item").textContent()).contains("parties of 1 to 6");
            JsonNode combinations = api.get(tenant.adminKey(), "/reservation-resource-combinations")
                    .body()
                    .get("data");
            assertThat(combinations).hasSize(1);
            assertThat(combinations.get(0).get("resource_ids").toString())
                    .contains(table1)
                    .contains(table2);
            assertThat(combinations.get(0).get("max_party_size").asInt()).isEqualTo(6);
            SettingsBrowser.screenshots(screen, "combinations");
            screen.assertAccessible("combinations");

            page.locator("nav.sections a[href='#resources']").click();
            screen.waitFor("select[name=area_id]");
            page.locator("button[aria-label='Edit Table 1']").click();
            page.locator("select[name=area_id]").selectOption(terrace);
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("p.status.ok");
            assertThat(api.get(tenant.adminKey(), "/reservation-resources/" + table1)
                            .get("area_id"))
                    .isEqualTo(terrace);

            String stylist = api.get(tenant.adminKey(), "/users?email=" + stylistEmail)
                    .body()
                    .get("data")
                    .get(0)
                    .get("id")
                    .asString();
            page.locator("input[name=name]").fill("Sara");
            page.locator("select[name=resource_type]").selectOption("person");
            page.locator("select[name=user_id]").selectOption(stylist);
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("ul.items li.item:has-text('Sara')");
            JsonNode people = api.get(tenant.adminKey(), "/reservation-resources?resource_type=person")
                    .body()
                    .get("data");
            assertThat(people).hasSize(1);
            assertThat(people.get(0).get("user_id").asString()).isEqualTo(stylist);
            SettingsBrowser.screenshots(screen, "resources-floor");
            screen.assertAccessible("resources with area and login");
            screen.assertNoErrors();
        }
    }

    @Test
    void anAdminGivesAKeyAnExpiryAndRenamesIt() {
        try (BrowserTab screen = SettingsBrowser.signedIn(api, adminEmail, "en-GB")) {
            Page page = screen.page();
            page.navigate(api.base() + "/console/settings#keys");
            screen.waitFor("input[name=expires_at]");
            page.locator("input[name=name]").fill("Bar tablet");
            page.locator("input[name=expires_at]").fill("2031-06-30T23:30");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("ul.items li.item:has-text('Bar tablet')");
            JsonNode key = api.get(tenant.adminKey(), "/api-keys?name=Bar%20tablet")
                    .body()
                    .get("data")
                    .get(0);
            assertThat(key.get("expires_at").asString()).startsWith("2031-0");
            assertThat(page.locator("ul.items li.item:has-text('Bar tablet')").textContent())
                    .contains("Expires");
            page.locator(".once button").click();

            // Renamed in place, by keyboard; an empty name is refused at the field and the form stays.
            page.locator("button[aria-label='Rename Bar tablet']").focus();
            page.keyboard().press("Enter");
            screen.waitFor("form.rename input[name=rename]");
            page.keyboard().press("Backspace");
            screen.expectFailure(422, "PATCH", "/api-keys/");
            page.keyboard().press("Enter");
            screen.waitFor("form.rename input[aria-invalid=true]");
            assertThat(page.locator("form.rename .field-error").textContent()).contains("1 to 200");
            screen.assertAccessible("key being renamed");
            SettingsBrowser.screenshots(screen, "keys-rename");
            page.locator("form.rename input[name=rename]").fill("Terrace tablet");
            page.keyboard().press("Enter");
            screen.waitFor("ul.items li.item:has-text('Terrace tablet')");
            assertThat(api.get(tenant.adminKey(), "/api-keys/" + key.get("id").asString())
                            .get("name"))
                    .isEqualTo("Terrace tablet");
            screen.assertNoErrors();
        }
    }

    @Test
    void anAdminChangesTheVenuesDetails() {
        try (BrowserTab screen = SettingsBrowser.signedIn(api, adminEmail, "en-GB")) {
            Page page = screen.page();
            page.navigate(api.base() + "/console/settings#organization");
            screen.waitFor("input[name=timezone]");
            page.waitForFunction("() => document.querySelector('input[name=name]').value !== ''");
            assertThat(page.locator("input[name=name]").inputValue())
                    .isEqualTo(tenant.organization().get("name").asString());
            page.locator("input[name=timezone]").fill("Mars/Olympus");
            page.locator("input[name=phone]").fill("+34 910 000 000");
            screen.expectFailure(422, "PATCH", "/organizations/");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("input[name=timezone][aria-invalid=true]");
            assertThat(page.locator("input[name=phone]").inputValue()).isEqualTo("+34 910 000 000");
            screen.assertAccessible("the venue, refused");
            page.locator("input[name=timezone]").fill("Europe/Madrid");
            page.locator("textarea[name=address]").fill("Calle Mayor 1, Madrid");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor("p.status.ok");
            JsonNode organization =
                    api.get(tenant.adminKey(), "/organizations/" + tenant.id()).body();
            assertThat(organization.get("timezone").asString()).isEqualTo("Europe/Madrid");
            assertThat(organization.get("address").asString()).isEqualTo("Calle Mayor 1, Madrid");
            assertThat(organization.get("phone").asString()).startsWith("+34");
            SettingsBrowser.screenshots(screen, "organization");
            screen.assertAccessible("the venue");
            screen.assertNoErrors();
        }
    }

    private String table(String name, int seats) {
        var created = api.post(
                tenant.adminKey(),
                "/reservation-resources",
                fields("name", name, "resource_type", "table", "capacity", seats, "timezone", "Europe/Berlin"));
        TestApi.expect(created, 201);
        return created.get("id");
    }
}

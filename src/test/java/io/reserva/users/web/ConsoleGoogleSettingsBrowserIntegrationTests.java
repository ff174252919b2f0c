package io.reserva.users.web;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.reserva.support.BrowserTab;
import io.reserva.support.CatalogFixtures;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The console's Google section (module {@code google}'s settings and status) in a real Chromium, with the settings
 * screens' harness: an admin sets the venue up for Google by keyboard, a refused mapping is shown at its field with
 * nothing saved, and the status says what has happened. Screenshots go to target/screenshots/, axe-core runs on it.
 */
@IntegrationTest
class ConsoleGoogleSettingsBrowserIntegrationTests extends SettingsBrowser {

    @Test
    void anAdminSetsTheVenueUpForGoogleByKeyboardAndSeesTheStatus() {
        String dinner = new CatalogFixtures(api, tenant.adminKey())
                .service(fields("name", "Dinner", "duration_minutes", 90, "max_party_size", 4));
        String merchantId = "merchant-" + UUID.randomUUID();

        try (BrowserTab screen = SettingsBrowser.signedIn(api, adminEmail, "en-GB")) {
            Page page = screen.page();
            // Before the first save the setting does not exist: the API answers 404 and the screen says so.
            screen.expectFailure(404, "GET", "/google-integration");
            page.navigate(api.base() + "/console/settings#google");
            screen.waitFor("form.google input[name=merchant_id]");
            assertThat(page.locator("nav.sections a[aria-current=page]").textContent())
                    .isEqualTo("Google");
            assertThat(page.locator(".google-form p.note").textContent()).startsWith("Google is not set up");
            screen.waitFor(".google-status p.empty");
            assertThat(page.locator(".google-status").textContent())
                    .contains("No feed has been generated yet.")
                    .contains("Real-time updates are not configured")
                    .contains("listed to the platform operator only");

            screen.tabTo("form.google input[name=merchant_id]");
            page.keyboard().type(merchantId);
            screen.tabTo("form.google input[name=enabled]");
            page.keyboard().press("Space");
            screen.tabTo("form.google button.add");
            page.keyboard().press("Enter");
            assertThat(page.evaluate("() => document.activeElement.getAttribute('data-field')"))
                    .as("the new row's Google id has the focus")
                    .isEqualTo("service_mappings[0].google_service_id");
            page.keyboard().type("dinner");

            // A second row with the same Google id: refused at that row's field, nothing saved, nothing lost.
            page.locator("form.google button.add").click();
            page.locator("input[data-field='service_mappings[1].google_service_id']")
                    .fill("dinner");
            screen.expectFailure(422, "PUT", "/google-integration");
            page.locator("form.google button[type=submit]").click();
            screen.waitFor("[aria-invalid=true]");
            assertThat(page.evaluate("() => document.activeElement.getAttribute('data-field')"))
                    .asString()
                    .startsWith("service_mappings[1]");
            assertThat(page.locator("p.status").textContent()).isEqualTo("Please correct the fields marked below.");
            assertThat(page.locator("input[data-field='service_mappings[1].google_service_id']")
                            .inputValue())
                    .isEqualTo("dinner");
            assertThat(api.get(tenant.adminKey(), "/google-integration").status())
                    .as("nothing saved")
                    .isEqualTo(404);
            SettingsBrowser.screenshots(screen, "google-refused");

            page.locator("button.remove[aria-label='Remove service 2']").click();
            page.locator("form.google button[type=submit]").click();
            screen.waitFor("p.status.ok");
            assertThat(page.locator("p.status").textContent()).isEqualTo("The Google settings are saved.");
            Response saved = api.get(tenant.adminKey(), "/google-integration");
            TestApi.expect(saved, 200);
            JsonNode body = saved.body();
            assertThat(body.get("merchant_id").asString()).isEqualTo(merchantId);
            assertThat(body.get("enabled").asBoolean()).isTrue();
            assertThat(body.get("service_mappings")).hasSize(1);
            assertThat(body.get("service_mappings")
                            .get(0)
                            .get("google_service_id")
                            .asString())
                    .isEqualTo("dinner");
            assertThat(body.get("service_mappings").get(0).get("service_id").asString())
                    .isEqualTo(dinner);

            // Opened again, the screen shows what is stored.
            page.reload();
            screen.waitFor("input[data-field='service_mappings[0].google_service_id']");
            assertThat(page.locator("form.google input[name=merchant_id]").inputValue())
                    .isEqualTo(merchantId);
            assertThat(page.locator("form.google input[name=enabled]").isChecked())
                    .isTrue();
            assertThat(page.locator(".google-form p.note").count()).isZero();
            SettingsBrowser.screenshots(screen, "google");
            screen.assertAccessible("google");
            screen.assertNoErrors();
        }
    }
}

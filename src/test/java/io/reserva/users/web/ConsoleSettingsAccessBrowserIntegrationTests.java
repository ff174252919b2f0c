package io.reserva.users.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.reserva.support.BrowserTab;
import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what, on the console's settings screens in a real Chromium: an admin adds a user (the one-time link
 * shown once) and changes a role, creates an API key (the secret shown once, working, then revoked) and a booking
 * link (after a refused slug), each checked through the API; a staff member sees no controls, in Spanish; a
 * browser without a session is sent to sign in and told where to come back to.
 */
@IntegrationTest
class ConsoleSettingsAccessBrowserIntegrationTests extends SettingsBrowser {

    @Test
    void anAdminAddsAUserAndAKeyAndABookingLink() {
        try (BrowserTab screen = SettingsBrowser.signedIn(api, adminEmail, "en-GB")) {
            Page page = screen.page();
            page.navigate(api.base() + "/console/settings#users");
            screen.waitFor("input[name=email]");
            page.locator("input[name=email]").fill("marta.ruiz@example.com");
            page.locator("input[name=name]").fill("Marta Ruiz");
            page.locator("select[name=role]").selectOption("read_only");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor(".once input.secret");
            assertThat(page.locator(".once input.secret").inputValue()).startsWith(api.base() + "/password-resets/");
            JsonNode marta = api.get(tenant.adminKey(), "/users?email=marta.ruiz@example.com")
                    .body()
                    .get("data")
                    .get(0);
            assertThat(marta.get("role").asString()).isEqualTo("read_only");
            assertThat(marta.get("status").asString()).isEqualTo("invited");
            page.locator(".once button").click();
            assertThat(page.locator(".once").count())
                    .as("the link is shown once")
                    .isZero();
            screen.waitFor("select[aria-label], .item-actions select");
            page.getByLabel("Role of Marta Ruiz").selectOption("staff");
            screen.waitFor("p.status.ok:has-text('Marta Ruiz is now Staff.')");
            assertThat(api.get(tenant.adminKey(), "/users/" + marta.get("id").asString())
                            .get("role"))
                    .isEqualTo("staff");
            SettingsBrowser.screenshots(screen, "users");
            screen.assertAccessible("users");

            page.locator("nav.sections a[href='#keys']").click();
            screen.waitFor("form.card input[name=name]");
            page.locator("form.card input[name=name]").fill("POS terminal");
            page.locator("form.card button[type=submit]").click();
            screen.waitFor(".once input.secret");
            String secret = page.locator(".once input.secret").inputValue();
            assertThat(secret).startsWith("rsv_");
            assertThat(api.get(secret, "/reservation-services").status()).isEqualTo(200);
            SettingsBrowser.screenshots(screen, "keys-secret");
            page.locator(".once button").click();
            assertThat(page.content()).as("the secret is gone from the page").doesNotContain(secret);
            page.locator("button[aria-label='Revoke POS terminal']").click();
            screen.waitFor("li.item.revoked");
            assertThat(api.get(secret, "/reservation-services").status()).isEqualTo(401);
            SettingsBrowser.screenshots(screen, "keys");
            screen.assertAccessible("keys");

            TestApi.Response terrace =
                    api.post(tenant.adminKey(), "/reservation-areas", java.util.Map.of("name", "Terrace"));
            TestApi.expect(terrace, 201);
            page.locator("nav.sections a[href='#links']").click();
            screen.waitFor("form.editor input[name=slug]");
            page.locator("fieldset[data-field=area_ids] label:has-text('Terrace')")
                    .click();
            page.locator("form.editor input[name=name]").fill("Dinner");
            page.locator("form.editor input[name=slug]").fill("Dinner Page");
            screen.expectFailure(422, "POST", "/reservation-booking-links");
            page.locator("form.editor button[type=submit]").click();
            screen.waitFor("input[name=slug][aria-invalid=true]");
            page.locator("form.editor input[name=slug]").fill("dinner");
            page.locator("form.editor button[type=submit]").click();
            screen.waitFor("ul.items li.item");
            JsonNode link = only(api.get(tenant.adminKey(), "/reservation-booking-links"));
            assertThat(link.get("slug").asString()).isEqualTo("dinner");
            assertThat(link.get("is_active").asBoolean()).isTrue();
            assertThat(link.get("area_ids").get(0).asString())
                    .as("guests of the page may ask for the terrace")
                    .isEqualTo(terrace.get("id"));
            SettingsBrowser.screenshots(screen, "links");
            screen.assertAccessible("links");
            screen.assertNoErrors();
        }
    }

    @Test
    void aStaffMemberSeesNoControlsInSpanish() {
        String staff = SettingsBrowser.user(api, tenant, "staff", "Sara Staff");
        try (BrowserTab screen = SettingsBrowser.signedIn(api, staff, "es-ES")) {
            Page page = screen.page();
            page.navigate(api.base() + "/console/settings#keys");
            screen.waitFor("#admins-only");
            assertThat(page.locator("#admins-only").textContent())
                    .isEqualTo("Los ajustes son solo para administradores");
            assertThat(page.locator("form, input, select, textarea, nav.sections")
                            .count())
                    .isZero();
            assertThat(page.locator("a[href='/console']").count()).isEqualTo(1);
            SettingsBrowser.screenshots(screen, "staff-es");
            screen.assertAccessible("staff");
            page.locator("button[lang=en]").click();
            screen.waitFor("#admins-only:has-text('Settings are for admins only')");
            assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
            assertThat(page.locator("#admins-only + p").textContent()).contains("is Staff");
            screen.assertNoErrors();
        }
    }

    @Test
    void withoutASessionThePageAsksForSignInAndComesBackHere() {
        try (BrowserTab screen = SettingsBrowser.screen("en-GB")) {
            Page page = screen.page();
            screen.expectFailure(401, "GET", "/sessions/current");
            // The sign-in page is the console shell's; whether it exists on this branch is not this test's point.
            screen.expectFailure(404, "GET", "/console/sign-in");
            page.navigate(api.base() + "/console/settings?x=1#keys");
            page.waitForURL(url -> url.contains("/console/sign-in"));
            assertThat(page.url()).isEqualTo(api.base() + "/console/sign-in?next=%2Fconsole%2Fsettings%3Fx%3D1%23keys");
            screen.assertNoErrors();
        }
    }

    private static JsonNode only(Response list) {
        assertThat(list.body().get("data")).hasSize(1);
        return list.body().get("data").get(0);
    }
}

package io.reserva.users.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import io.reserva.support.BrowserTab;
import io.reserva.support.Chromium;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console's settings screens as staff see them: a desktop-sized page (its dialogs answered yes), screenshots
 * at the three widths the console supports, and users to sign in with. Each test class of a settings screen
 * extends it and starts with a new tenant and its admin user.
 */
abstract class SettingsBrowser {

    static final int[] WIDTHS = {1280, 1024, 375};
    static final String PASSWORD = "Harbor-lantern-7Quiet";

    @LocalServerPort
    int port;

    TestApi api;
    Tenant tenant;
    String adminEmail;

    @BeforeEach
    void newTenantWithAnAdmin() {
        api = new TestApi(port);
        tenant = api.newTenant();
        adminEmail = user(api, tenant, "admin", "Alba Admin");
    }

    /** A new user of the tenant with {@link #PASSWORD}; answers the email. */
    static String user(TestApi api, Tenant tenant, String role, String name) {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        TestApi.expect(
                api.post(
                        tenant.adminKey(),
                        "/users",
                        TestApi.fields("email", email, "name", name, "role", role, "password", PASSWORD)),
                201);
        return email;
    }

    /** A screen signed in through the API in the browser context's own request context, so the cookie is shared. */
    static BrowserTab signedIn(TestApi api, String email, String locale) {
        BrowserTab screen = screen(locale);
        screen.signIn(api.base(), email, PASSWORD);
        return screen;
    }

    static BrowserTab screen(String locale) {
        BrowserTab screen = Chromium.shared()
                .open(new NewContextOptions()
                        .setViewportSize(1280, 900)
                        .setLocale(locale)
                        .setTimezoneId("Europe/Berlin"));
        // The page asks before deleting or revoking; the tests say yes.
        screen.page().onDialog(dialog -> dialog.accept());
        return screen;
    }

    /** The page as it is, at each supported width, fitting without sideways scrolling; back at 1280 afterwards. */
    static void screenshots(BrowserTab screen, String name) {
        for (int width : WIDTHS) {
            screen.page().setViewportSize(width, 900);
            screen.screenshot("console-settings-" + name + "-" + width);
            assertThat(
                            (Boolean)
                                    screen.page()
                                            .evaluate(
                                                    "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("%s fits %d px without scrolling sideways", name, width)
                    .isTrue();
        }
        screen.page().setViewportSize(1280, 900);
    }
}

package io.reserva.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The undo grace period as shipped: five seconds unless configured, carried to the browser on the day's shell. The
 * browser tests run with a shorter one (see {@code IntegrationTest}) and prove the page waits as long as it is told.
 */
class ConsoleControllerTests {

    @Test
    void theShippedConfigurationGivesStaffFiveSecondsToUndo() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application.yaml", new ClassPathResource("application.yaml"))
                .forEach(environment.getPropertySources()::addLast);
        ConsoleProperties properties = Binder.get(environment).bindOrCreate("reserva.console", ConsoleProperties.class);

        assertThat(properties.undoGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new ConsoleController(properties).app().getBody()).contains("<body data-undo-ms=\"5000\">");
    }

    @Test
    void withoutTheSettingTheGraceIsFiveSeconds() {
        assertThat(new ConsoleProperties(null).undoGrace()).isEqualTo(ConsoleProperties.DEFAULT_UNDO_GRACE);
        assertThat(new ConsoleController(new ConsoleProperties(null)).app().getBody())
                .contains("data-undo-ms=\"5000\"");
    }

    @Test
    void aConfiguredGraceReachesThePage() {
        assertThat(new ConsoleController(new ConsoleProperties(Duration.ofMillis(2500)))
                        .app()
                        .getBody())
                .contains("data-undo-ms=\"2500\"");
    }

    @Test
    void lessThanASecondIsRefusedAtStart() {
        assertThatThrownBy(() -> new ConsoleProperties(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserva.console.undo-grace");
    }

    @Test
    void everyShellIsServedUnderTheSamePolicy() {
        var app = new ConsoleController(new ConsoleProperties(null)).app();
        var settings =
                new ConsoleSettingsPageController().page(new org.springframework.mock.web.MockHttpServletRequest());
        for (var page : java.util.List.of(app, settings)) {
            assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
                    .isEqualTo(ConsoleShell.CONTENT_SECURITY_POLICY)
                    .contains("script-src 'self'");
            assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
        }
        assertThat(settings.getBody()).contains("<html lang=\"en\">", "/console/settings/settings.js");
    }
}

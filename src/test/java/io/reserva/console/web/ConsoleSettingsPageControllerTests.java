package io.reserva.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleSettingsPageControllerTests {

    @Test
    void theBrowsersFirstLanguageChoosesSpanish() {
        assertThat(ConsoleSettingsPageController.prefersSpanish("es-ES,es;q=0.9,en;q=0.8"))
                .isTrue();
        assertThat(ConsoleSettingsPageController.prefersSpanish(" ES")).isTrue();
    }

    @Test
    void anythingElseIsEnglish() {
        assertThat(ConsoleSettingsPageController.prefersSpanish("en-GB,es;q=0.9"))
                .isFalse();
        assertThat(ConsoleSettingsPageController.prefersSpanish("")).isFalse();
        assertThat(ConsoleSettingsPageController.prefersSpanish(null)).isFalse();
    }
}

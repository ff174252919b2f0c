package io.reserva.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without Chromium a newcomer's build still passes (the browser tests skip), but CI's does not. */
class ChromiumAvailabilityTests {

    static final Path MISSING = Path.of("/nonexistent/chromium");

    @Test
    void aMissingBrowserSkipsTheBrowserTests() {
        assertThatThrownBy(() -> Chromium.requireChromium(MISSING, null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("SKIPPED")
                .hasMessageContaining("apt-get install chromium");
    }

    @Test
    void aMissingBrowserFailsThemWhenTheBrowserIsRequired() {
        assertThatThrownBy(() -> Chromium.requireChromium(MISSING, "true"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("RESERVA_REQUIRE_BROWSER=true");
    }
}

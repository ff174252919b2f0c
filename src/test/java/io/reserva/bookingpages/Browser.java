package io.reserva.bookingpages;

import com.microsoft.playwright.Browser.NewContextOptions;
import io.reserva.support.BrowserTab;
import io.reserva.support.Chromium;

/** The booking page's browser tests see it as a guest does: on a phone (375 px wide, touch) in Berlin. */
final class Browser {

    private Browser() {}

    static BrowserTab phone(String locale) {
        return Chromium.shared()
                .open(new NewContextOptions()
                        .setViewportSize(375, 812)
                        .setLocale(locale)
                        .setTimezoneId("Europe/Berlin")
                        .setHasTouch(true));
    }
}

package io.reserva.bookingpages;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Booking page settings ({@code RESERVA_BOOKING_HOLD_MINUTES}).
 *
 * @param holdMinutes how long a start the guest picked is held while they type their details (1 to 30)
 */
@ConfigurationProperties("reserva.booking-pages")
public record BookingPageProperties(Integer holdMinutes) {

    public BookingPageProperties {
        holdMinutes = holdMinutes == null ? 10 : holdMinutes;
        if (holdMinutes < 1 || holdMinutes > 30) {
            throw new IllegalArgumentException(
                    "reserva.booking-pages.hold-minutes must be 1 to 30, got " + holdMinutes);
        }
    }

    Duration hold() {
        return Duration.ofMinutes(holdMinutes);
    }
}

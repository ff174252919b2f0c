package io.reserva.waitlist;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Waitlist settings ({@code RESERVA_WAITLIST_MAX_ACTIVE}, {@code RESERVA_WAITLIST_OFFER_MINUTES}).
 *
 * @param maxActive how many active entries one queue (an organization's day and kind) may hold
 * @param offerMinutes how long a freed start is held for the entry it is offered to (1 to 30)
 */
@ConfigurationProperties("reserva.waitlist")
public record WaitlistProperties(Integer maxActive, Integer offerMinutes) {

    public WaitlistProperties {
        maxActive = maxActive == null ? 200 : maxActive;
        offerMinutes = offerMinutes == null ? 10 : offerMinutes;
        if (maxActive < 1) {
            throw new IllegalArgumentException("reserva.waitlist.max-active must be at least 1, got " + maxActive);
        }
        if (offerMinutes < 1 || offerMinutes > 30) {
            throw new IllegalArgumentException("reserva.waitlist.offer-minutes must be 1 to 30, got " + offerMinutes);
        }
    }

    Duration offer() {
        return Duration.ofMinutes(offerMinutes);
    }
}

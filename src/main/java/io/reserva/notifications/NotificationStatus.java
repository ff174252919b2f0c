package io.reserva.notifications;

import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a message stands: {@code pending} (due at {@code next_attempt_at}, or being sent), {@code sent},
 * {@code failed} (permanently: a bad address, refused by the server, or retries used up), {@code not_sent} (no
 * mail server was configured when it fell due), {@code cancelled} (a reminder of a booking that moved or ended),
 * {@code skipped} (nothing to send to: no address, or the guest opted out).
 */
public enum NotificationStatus implements WireEnum {
    PENDING,
    SENT,
    FAILED,
    NOT_SENT,
    CANCELLED,
    SKIPPED;

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    static NotificationStatus fromWire(String wire) {
        return WireEnum.parse(NotificationStatus.class, wire);
    }

    static Set<String> wireNames() {
        return Arrays.stream(values()).map(NotificationStatus::wire).collect(Collectors.toUnmodifiableSet());
    }
}

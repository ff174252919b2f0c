package io.reserva.notifications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What a message is about. The waitlist's messages join this list when that module sends them. */
public enum NotificationKind implements WireEnum {
    CONFIRMATION(true),
    CHANGE(true),
    CANCELLATION(true),
    REMINDER(false);

    private final boolean raisesSequence;

    NotificationKind(boolean raisesSequence) {
        this.raisesSequence = raisesSequence;
    }

    /**
     * Whether a guest who unsubscribed still gets it: the messages that are the booking itself (confirmed, changed,
     * cancelled) are; reminders are not.
     */
    boolean essential() {
        return this != REMINDER;
    }

    /** Whether the message carries the guest's manage link: not once the booking is cancelled. */
    boolean carriesManageLink() {
        return this == CONFIRMATION || this == CHANGE || this == REMINDER;
    }

    /** Whether the message carries a new version of the calendar invite (a higher SEQUENCE than the last). */
    boolean raisesSequence() {
        return raisesSequence;
    }

    @Override
    @JsonValue
    public String wire() {
        return WireEnum.lowerCase(this);
    }

    @JsonCreator
    public static NotificationKind fromWire(String wire) {
        return WireEnum.parse(NotificationKind.class, wire);
    }

    static Set<String> wireNames() {
        return Arrays.stream(values()).map(NotificationKind::wire).collect(Collectors.toUnmodifiableSet());
    }
}

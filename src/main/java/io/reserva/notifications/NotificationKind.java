package io.reserva.notifications;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.reserva.shared.WireEnum;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What a message is about. */
public enum NotificationKind implements WireEnum {
    CONFIRMATION(true),
    CHANGE(true),
    CANCELLATION(true),
    REMINDER(false),
    /** A hold with the guest's email lapsed before it was confirmed. */
    HOLD_EXPIRED(false),
    /** A waitlist entry for a later day is offered a start, held for it for a while. */
    WAITLIST_OFFER(false),
    /** A party waiting now: their table is ready. */
    WAITLIST_READY(false);

    private final boolean raisesSequence;

    NotificationKind(boolean raisesSequence) {
        this.raisesSequence = raisesSequence;
    }

    /**
     * Whether a guest who unsubscribed still gets it: the messages that are the booking itself (confirmed, changed,
     * cancelled) are; reminders are not.
     */
    boolean essential() {
        return this != REMINDER && this != HOLD_EXPIRED;
    }

    /** Whether the message carries a calendar invite: the messages about a booking the guest has. */
    boolean carriesInvite() {
        return this == CONFIRMATION || this == CHANGE || this == CANCELLATION;
    }

    /** Whether the message is about a waitlist entry rather than a reservation. */
    boolean aboutWaitlist() {
        return this == WAITLIST_OFFER || this == WAITLIST_READY;
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

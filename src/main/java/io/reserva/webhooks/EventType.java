package io.reserva.webhooks;

import io.reserva.shared.WireEnum;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The kinds of event an integrator can receive, in their wire spelling ({@code reservation.confirmed}). */
public enum EventType implements WireEnum {
    RESERVATION_CREATED("reservation.created"),
    RESERVATION_UPDATED("reservation.updated"),
    RESERVATION_HELD("reservation.held"),
    RESERVATION_CONFIRMED("reservation.confirmed"),
    RESERVATION_SEATED("reservation.seated"),
    RESERVATION_COMPLETED("reservation.completed"),
    RESERVATION_CANCELLED("reservation.cancelled"),
    RESERVATION_NO_SHOW("reservation.no_show"),
    RESERVATION_HOLD_EXPIRED("reservation.hold_expired"),
    RESERVATION_RESOURCES_ASSIGNED("reservation.resources_assigned"),
    CONTACT_CREATED("contact.created"),
    CONTACT_UPDATED("contact.updated"),
    WAITLIST_ENTRY_CREATED("waitlist_entry.created"),
    WAITLIST_ENTRY_UPDATED("waitlist_entry.updated"),
    WAITLIST_ENTRY_OFFERED("waitlist_entry.offered"),
    WAITLIST_ENTRY_CHECKED_IN("waitlist_entry.checked_in"),
    WAITLIST_ENTRY_SEATED("waitlist_entry.seated"),
    WAITLIST_ENTRY_CANCELLED("waitlist_entry.cancelled"),
    WAITLIST_ENTRY_DECLINED_BY_MERCHANT("waitlist_entry.declined_by_merchant"),
    WAITLIST_ENTRY_NO_SHOW("waitlist_entry.no_show"),
    WAITLIST_ENTRY_EXPIRED("waitlist_entry.expired"),
    /** Sent by "send test event" to one endpoint only; never caused by a change. */
    WEBHOOK_TEST("webhook.test");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    public static Optional<EventType> fromWire(String value) {
        return WireEnum.find(EventType.class, value.toLowerCase(Locale.ROOT));
    }

    /** Every wire name, for the query language and validation. */
    public static Set<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wire).collect(Collectors.toSet());
    }
}

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

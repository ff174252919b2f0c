package io.reserva.webhooks;

import io.reserva.contacts.ContactCreated;
import io.reserva.contacts.ContactUpdated;
import io.reserva.reservations.ReservationEvents.ReservationCreated;
import io.reserva.reservations.ReservationEvents.ReservationResourcesAssigned;
import io.reserva.reservations.ReservationEvents.ReservationStatusChanged;
import io.reserva.reservations.ReservationEvents.ReservationUpdated;
import io.reserva.reservations.ReservationStatus;
import io.reserva.shared.Ids;
import io.reserva.waitlist.WaitlistEntryStatus;
import io.reserva.waitlist.WaitlistEvents.WaitlistEntryCreated;
import io.reserva.waitlist.WaitlistEvents.WaitlistEntryStatusChanged;
import io.reserva.waitlist.WaitlistEvents.WaitlistEntryUpdated;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what the reservations, contacts and waitlist modules announce as events, in the transaction of the change.
 *
 * <p>The listeners run synchronously inside the publisher's transaction ({@code MANDATORY}: a publish outside
 * one fails loudly instead of writing an event for a change that may never commit). They only collect; just
 * before the transaction commits, everything it collected is written in one statement, which also queues a
 * delivery for each active endpoint that wants the event and wakes the delivery workers of every node
 * ({@code pg_notify}, delivered on commit). If that statement fails, the transaction fails: a change and its
 * events commit together or not at all.
 *
 * <p>Mapping: a create is {@code reservation.created}, plus {@code reservation.held} or
 * {@code reservation.confirmed} when it starts in that status; every change after that is
 * {@code reservation.updated} (with {@code changed_fields}), plus one event named for the status it entered, if
 * it entered one ({@code expired} is {@code reservation.hold_expired}; {@code pending} has no event of its own);
 * placing or moving a booking is also {@code reservation.resources_assigned}.
 */
@Component
class EventOutbox {

    private static final Object PENDING_KEY = new Object();

    private final EventRepository events;
    private final JsonMapper json;
    private final Clock clock;

    EventOutbox(EventRepository events, JsonMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReservationCreated created) {
        var reservation = created.reservation();
        UUID organization = reservation.organizationId();
        Data data = jsonOf(reservation);
        record(organization, EventType.RESERVATION_CREATED, data, null);
        statusEvent(reservation.status()).ifPresent(type -> record(organization, type, data, null));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReservationUpdated updated) {
        var reservation = updated.reservation();
        record(
                reservation.organizationId(),
                EventType.RESERVATION_UPDATED,
                jsonOf(reservation),
                updated.changedFields());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReservationStatusChanged changed) {
        var reservation = changed.reservation();
        statusEvent(changed.to())
                .ifPresent(type -> record(reservation.organizationId(), type, jsonOf(reservation), null));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ReservationResourcesAssigned assigned) {
        var reservation = assigned.reservation();
        record(reservation.organizationId(), EventType.RESERVATION_RESOURCES_ASSIGNED, jsonOf(reservation), null);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ContactCreated created) {
        record(created.contact().organizationId(), EventType.CONTACT_CREATED, jsonOf(created.contact()), null);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(ContactUpdated updated) {
        if (updated.changedFields().isEmpty()) {
            return;
        }
        record(
                updated.contact().organizationId(),
                EventType.CONTACT_UPDATED,
                jsonOf(updated.contact()),
                updated.changedFields());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(WaitlistEntryCreated created) {
        record(created.entry().organizationId(), EventType.WAITLIST_ENTRY_CREATED, jsonOf(created.entry()), null);
    }

    /**
     * A waitlist entry entering a status is {@code waitlist_entry.<status>}; back to waiting (an offer declined or
     * lapsed) is {@code waitlist_entry.updated} with {@code status} among the changed fields.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(WaitlistEntryStatusChanged changed) {
        var entry = changed.entry();
        EventType type = waitlistStatusEvent(changed.to());
        record(
                entry.organizationId(),
                type,
                jsonOf(entry),
                type == EventType.WAITLIST_ENTRY_UPDATED ? Set.of("status") : null);
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(WaitlistEntryUpdated updated) {
        record(updated.entry().organizationId(), EventType.WAITLIST_ENTRY_UPDATED, jsonOf(updated.entry()), null);
    }

    static EventType waitlistStatusEvent(WaitlistEntryStatus status) {
        return switch (status) {
            case WAITING -> EventType.WAITLIST_ENTRY_UPDATED;
            case OFFERED -> EventType.WAITLIST_ENTRY_OFFERED;
            case CHECKED_IN -> EventType.WAITLIST_ENTRY_CHECKED_IN;
            case SEATED -> EventType.WAITLIST_ENTRY_SEATED;
            case CANCELLED -> EventType.WAITLIST_ENTRY_CANCELLED;
            case DECLINED_BY_MERCHANT -> EventType.WAITLIST_ENTRY_DECLINED_BY_MERCHANT;
            case NO_SHOW -> EventType.WAITLIST_ENTRY_NO_SHOW;
            case EXPIRED -> EventType.WAITLIST_ENTRY_EXPIRED;
        };
    }

    static java.util.Optional<EventType> statusEvent(ReservationStatus status) {
        return java.util.Optional.ofNullable(
                switch (status) {
                    case HELD -> EventType.RESERVATION_HELD;
                    case CONFIRMED -> EventType.RESERVATION_CONFIRMED;
                    case SEATED -> EventType.RESERVATION_SEATED;
                    case COMPLETED -> EventType.RESERVATION_COMPLETED;
                    case CANCELLED -> EventType.RESERVATION_CANCELLED;
                    case NO_SHOW -> EventType.RESERVATION_NO_SHOW;
                    case EXPIRED -> EventType.RESERVATION_HOLD_EXPIRED;
                    case PENDING -> null;
                });
    }

    private void record(UUID organizationId, EventType type, Data data, Set<String> changedFields) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<String> changed =
                changedFields == null ? null : changedFields.stream().sorted().toList();
        pendingInThisTransaction()
                .events
                .add(new NewEvent(Ids.newId(), organizationId, type.wire(), data.id(), data.json(), changed, now));
    }

    /**
     * The object's JSON as the API shows it. One change usually announces the same object several times
     * (created, confirmed, resources assigned): it is serialized once, and stored once for all those events.
     */
    private Data jsonOf(Object object) {
        Pending pending = pendingInThisTransaction();
        if (pending.lastObject != object) {
            pending.lastData = new Data(Ids.newId(), json.writeValueAsString(object));
            pending.lastObject = object;
        }
        return pending.lastData;
    }

    /** An object's JSON and the id it is stored under. */
    private record Data(UUID id, String json) {}

    /** What the current transaction has announced so far. */
    private static final class Pending {
        final List<NewEvent> events = new ArrayList<>();
        Object lastObject;
        Data lastData;
    }

    /** The events of the current transaction, written by one statement just before it commits. */
    private Pending pendingInThisTransaction() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(PENDING_KEY);
        if (pending != null) {
            return pending;
        }
        Pending state = new Pending();
        TransactionSynchronizationManager.bindResource(PENDING_KEY, state);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(PENDING_KEY);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(PENDING_KEY, state);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                if (!state.events.isEmpty()) {
                    events.insert(List.copyOf(state.events));
                    state.events.clear();
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_KEY);
            }
        });
        return state;
    }
}

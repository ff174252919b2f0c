package io.reserva.reservations;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationService;
import io.reserva.catalog.Seating;
import io.reserva.contacts.Contact;
import io.reserva.contacts.ContactDetails;
import io.reserva.contacts.ContactDirectory;
import io.reserva.contacts.VisitOutcome;
import io.reserva.customfields.CustomFieldValues;
import io.reserva.customfields.EntityType;
import io.reserva.reservations.ReservationOccurrences.Occurrence;
import io.reserva.reservations.ReservationOccurrences.ReservationCancelled;
import io.reserva.reservations.ReservationOccurrences.ReservationCompleted;
import io.reserva.reservations.ReservationOccurrences.ReservationExpired;
import io.reserva.reservations.ReservationOccurrences.ReservationMarkedNoShow;
import io.reserva.reservations.ReservationOccurrences.ReservationMoved;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application service of reservations: book, hold, change and read them. It runs each change in one
 * transaction (lapsed holds of the organization expired first, so they never block), loads the
 * {@link Reservation} aggregate, lets it apply the change, stores it, carries out what it caused (units written
 * or given back, the guest's visit recorded) and publishes the events. The rules live in the aggregate, the
 * placement in {@link Placements}, the units in {@link Allocations}.
 *
 * <p>The exclusion constraint on the allocation rows is the final word; when it reports that a concurrent
 * booking took a unit first, the attempt is retried from the start with fresh data, and only then refused with
 * {@code 409 slot_unavailable}. Retries of one start take turns (the start's lock, see {@link Placements}), so
 * each plans with the units the one before it took; every lost race means another booking won, so the attempts
 * run out only when bookings keep arriving for the same units.
 */
@Service
public class ReservationManagement {

    static final int DEFAULT_HOLD_MINUTES = 5;
    static final int ATTEMPTS = 4;

    public static final QueryDefinition QUERY = fields(QueryDefinition.forResource("reservations"))
            .nullableField("contact_id", "r.contact_id", FieldType.UUID)
            .nullableField("deal_id", "r.deal_id", FieldType.UUID)
            .nullableField("company_id", "r.company_id", FieldType.UUID)
            .nullableField("unverified_contact_id", "r.unverified_contact_id", FieldType.UUID)
            .searchOn("c.first_name", "c.last_name", "c.email", "c.phone", "r.confirmation_code")
            .defaultSort("start_datetime", true)
            .organizationScoped()
            .build();

    /**
     * The list as an AI assistant may query it: nothing that finds bookings by who made them (the guest's name,
     * email or phone, contact, deal or company), since an assistant speaks for the public. {@code searchTerm}
     * looks in the confirmation code only.
     */
    public static final QueryDefinition ASSISTANT_QUERY = fields(
                    QueryDefinition.forResource("reservations-for-assistants"))
            .searchOn("r.confirmation_code")
            .defaultSort("start_datetime", true)
            .organizationScoped()
            .build();

    private static QueryDefinition.Builder fields(QueryDefinition.Builder builder) {
        return builder.field("id", "r.id", FieldType.UUID)
                .field("service_id", "r.service_id", FieldType.UUID)
                .enumField(
                        "status",
                        "r.status",
                        Arrays.stream(ReservationStatus.values())
                                .map(ReservationStatus::wire)
                                .collect(Collectors.toSet()))
                .enumField(
                        "source",
                        "r.source",
                        Arrays.stream(ReservationSource.values())
                                .map(ReservationSource::wire)
                                .collect(Collectors.toSet()))
                .field("start_datetime", "r.start_datetime", FieldType.INSTANT)
                .field("end_datetime", "r.end_datetime", FieldType.INSTANT)
                .field("party_size", "r.party_size", FieldType.INTEGER)
                .field("confirmation_code", "r.confirmation_code", FieldType.STRING)
                .field("created_at", "r.created_at", FieldType.INSTANT)
                .field("updated_at", "r.updated_at", FieldType.INSTANT);
    }

    private final ReservationRepository reservations;
    private final Placements placements;
    private final Allocations allocations;
    private final Catalog catalog;
    private final ContactDirectory contacts;
    private final CustomFieldValues customFields;
    private final ReservationViews views;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReservationManagement(
            ReservationRepository reservations,
            Placements placements,
            Allocations allocations,
            Catalog catalog,
            ContactDirectory contacts,
            CustomFieldValues customFields,
            ReservationViews views,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.reservations = reservations;
        this.placements = placements;
        this.allocations = allocations;
        this.catalog = catalog;
        this.contacts = contacts;
        this.customFields = customFields;
        this.views = views;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One reservation with the resources it holds, read in one query. */
    public ReservationView get(Caller caller, UUID id) {
        UUID organizationId = organizationOf(caller, id);
        return reservations
                .findWithAllocations(organizationId, id)
                .map(found -> views.of(found.row(), found.units()))
                .orElseThrow(() -> notFound(id));
    }

    /** Lists reservations; {@code resourceId} keeps those holding that resource. */
    public Page<ReservationView> list(Caller caller, ListQuery query, UUID resourceId) {
        return list(caller, query, resourceId, null);
    }

    /**
     * Lists reservations; {@code resourceId} keeps those holding that resource, {@code date} those whose start
     * falls on that day of the organization's time zone (the venue's day, whatever zone a service keeps).
     */
    public Page<ReservationView> list(Caller caller, ListQuery query, UUID resourceId, LocalDate date) {
        Optional<UUID> organization = query.organizationId() != null || !caller.isPlatform()
                ? Optional.of(caller.organizationFor(query.organizationId()))
                : Optional.empty();
        return views.of(reservations.list(query, organization, resourceId, date));
    }

    /**
     * Every reservation of the organization starting on that day of its time zone, in start order and not paged,
     * in short (a day's list and timeline show hundreds: {@link ReservationBrief}).
     */
    public List<ReservationBrief> onDay(Caller caller, UUID organizationId, LocalDate date) {
        UUID organization = caller.organizationFor(organizationId);
        return briefs(organization, reservations.onDay(organization, date));
    }

    /**
     * The reservations that started before that day of the organization's time zone and still hold their place at
     * its first moment (held, pending, confirmed, seated or completed), in start order and in short: what a
     * timeline of the day shows from its left edge.
     */
    public List<ReservationBrief> continuingInto(Caller caller, UUID organizationId, LocalDate date) {
        UUID organization = caller.organizationFor(organizationId);
        return briefs(organization, reservations.continuingInto(organization, date));
    }

    private List<ReservationBrief> briefs(UUID organizationId, List<ReservationBrief> briefs) {
        Map<UUID, List<UUID>> resources = reservations.resourceIdsOf(
                organizationId, briefs.stream().map(ReservationBrief::id).toList());
        return briefs.stream()
                .map(brief -> brief.holding(resources.getOrDefault(brief.id(), List.of())))
                .toList();
    }

    /**
     * Books or holds. Everything, the inline guest included, happens in the booking's one transaction: a refused
     * booking leaves no contact behind. Each retry after a lost race is a transaction of its own.
     */
    public ReservationView create(Caller caller, NewReservation request) {
        return create(caller, request, BookingRecorder.NONE);
    }

    /** Books or holds like {@link #create(Caller, NewReservation)}, with a channel's record in the same transaction. */
    public ReservationView create(Caller caller, NewReservation request, BookingRecorder recorder) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        boolean override = Boolean.TRUE.equals(request.override());
        if (override) {
            requireStaff(caller);
        }
        Target target = new Target(request.serviceId(), request.partySize(), request.startDatetime());
        return withRetries(
                organizationId,
                () -> target,
                afterConflict -> transaction.execute(status -> {
                    recorder.beforeBooking();
                    ReservationView booked = book(caller, organizationId, request, override, afterConflict);
                    recorder.booked(booked);
                    return booked;
                }));
    }

    /**
     * Books inside the caller's transaction, for another module's change that must commit together with the
     * booking (seating a waitlist entry, holding a freed start for one). One attempt only: after the allocation
     * constraint refused the units PostgreSQL has aborted the transaction, so a lost race is
     * {@code 409 slot_unavailable} and the caller's whole change rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public ReservationView createWithin(Caller caller, NewReservation request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        boolean override = Boolean.TRUE.equals(request.override());
        if (override) {
            requireStaff(caller);
        }
        try {
            return book(caller, organizationId, request, override, false);
        } catch (SlotTakenException e) {
            throw new ReservaException(ErrorCode.SLOT_UNAVAILABLE, "This start was taken meanwhile");
        }
    }

    private ReservationView book(
            Caller caller, UUID organizationId, NewReservation request, boolean override, boolean afterConflict) {
        List<FieldError> errors = new ArrayList<>();
        if (!override
                && request.assignedResources() != null
                && !request.assignedResources().isEmpty()) {
            errors.add(new FieldError("assigned_resources", "can only be chosen by staff with override: true"));
        }
        if (request.status() != null && request.status() != ReservationStatus.HELD) {
            errors.add(new FieldError(
                    "status", "a new reservation is held, or left out to book (pending or confirmed per the service)"));
        }
        if (request.holdMinutes() != null && request.status() != ReservationStatus.HELD) {
            errors.add(new FieldError("hold_minutes", "only applies with status held"));
        }
        if (request.contactId() != null && request.contact() != null) {
            errors.add(new FieldError("contact", "give contact_id or contact, not both"));
        }
        Optional<Contact> known =
                request.contactId() == null ? Optional.empty() : contacts.find(organizationId, request.contactId());
        if (request.contactId() != null && known.isEmpty()) {
            errors.add(new FieldError("contact_id", "is not a contact of this organization"));
        }
        checkReferences(organizationId, request.dealId(), request.companyId(), errors);
        ReservaException.throwIfAny(errors);
        // A hold keeps the place while the guest types; its required answers are due when it is confirmed.
        Map<String, Object> custom = customFields.validate(
                organizationId,
                EntityType.RESERVATION,
                orEmpty(request.customFieldsByKey()),
                null,
                request.status() != ReservationStatus.HELD);
        // An assistant speaks for the public: the booking keeps what was typed, filed under an existing contact
        // only when the name typed is that contact's too (ContactDirectory.matchGuest).
        ContactDirectory.GuestMatch typed = request.contact() != null && caller.role() == Role.ASSISTANT
                ? contacts.matchGuest(organizationId, detailsOf(request.contact()))
                : null;
        GuestDetails guest = typed == null ? null : GuestDetails.typed(typed.typed(), typed.unverified());
        ContactSummary contact;
        if (typed != null) {
            contact = typed.linked() == null ? null : ContactSummary.of(typed.linked());
        } else if (request.contact() != null) {
            contact = ContactSummary.of(contacts.matchOrCreate(organizationId, detailsOf(request.contact())));
        } else {
            contact = known.map(ContactSummary::of).orElse(null);
        }
        UUID contactId = contact == null ? null : contact.id();
        Instant now = now();
        if (afterConflict) {
            // Planning already ignores lapsed holds, but their allocation rows still stand in the exclusion
            // constraint's way until they are expired.
            expireLapsed(organizationId, now);
        }
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        Placement placement = placements.place(
                snapshot,
                new Placements.Request(
                        request.serviceId(),
                        request.startDatetime(),
                        request.partySize(),
                        request.preferredResourceId(),
                        request.seatingPreference(),
                        request.assignedResources(),
                        override,
                        null,
                        afterConflict),
                now);
        ReservationService service = placement.service();
        ReservationStatus initial = request.status() == ReservationStatus.HELD
                ? ReservationStatus.HELD
                : service.requiresConfirmation() ? ReservationStatus.PENDING : ReservationStatus.CONFIRMED;
        Instant holdExpiresAt = initial == ReservationStatus.HELD
                ? now.plus(Duration.ofMinutes(
                        request.holdMinutes() == null ? DEFAULT_HOLD_MINUTES : request.holdMinutes()))
                : null;
        ReservationSource source = request.source() != null ? request.source() : ReservationSource.API;
        UUID id = Ids.newId();
        Function<String, ReservationRow> withCode = code -> new ReservationRow(
                id,
                organizationId,
                service.id(),
                contactId,
                request.partySize(),
                placement.start(),
                placement.end(),
                placement.occupiedFrom(),
                placement.occupiedUntil(),
                initial,
                source,
                request.customerNotes(),
                request.internalNotes(),
                request.dealId(),
                request.companyId(),
                request.preferredResourceId(),
                request.seatingPreference(),
                placement.seatingPreferenceMet(),
                custom,
                code,
                holdExpiresAt,
                null,
                null,
                null,
                override,
                caller.apiKeyId(),
                now,
                now,
                contact,
                guest);
        List<AllocationRow> units =
                placement.units().stream().map(unit -> unit.of(id)).toList();
        ReservationRow row = allocations.insertNew(withCode, units);
        ReservationView view = views.of(row, units, snapshot);
        events.publishEvent(new ReservationEvents.ReservationCreated(view));
        if (!units.isEmpty()) {
            events.publishEvent(new ReservationEvents.ReservationResourcesAssigned(view));
        }
        return view;
    }

    /** Applies a partial update; the {@code Patch} is read once, here, into a typed {@link ReservationEdit}. */
    public ReservationView update(Caller caller, UUID id, Patch<ReservationChanges> patch) {
        UUID organizationId = organizationOf(caller, id);
        ReservationEdit edit = ReservationEdit.of(patch);
        if (edit.override()) {
            requireStaff(caller);
        }
        edit.checkShape();
        return change(organizationId, id, (current, snapshot, now) -> {
            checkEditReferences(organizationId, edit);
            return Optional.of(edit);
        });
    }

    /**
     * The change to make, decided inside the transaction with the reservation locked and the request's catalog
     * snapshot at hand; empty leaves the reservation as it is.
     */
    @FunctionalInterface
    interface EditPlan {
        Optional<ReservationEdit> editFor(ReservationRow current, CatalogSnapshot snapshot, Instant now);
    }

    /** Loads the aggregate, lets it apply the change, stores it, acts on what it caused, and announces it. */
    ReservationView change(UUID organizationId, UUID id, EditPlan plan) {
        AtomicReference<Target> target = new AtomicReference<>();
        return withRetries(
                organizationId,
                target::get,
                afterConflict -> transaction.execute(status -> {
                    Instant now = now();
                    expireLapsed(organizationId, now);
                    ReservationRow current =
                            reservations.lock(organizationId, id).orElseThrow(() -> notFound(id));
                    CatalogSnapshot snapshot = catalog.snapshot(organizationId);
                    Optional<ReservationEdit> planned = plan.editFor(current, snapshot, now);
                    if (planned.isEmpty()) {
                        return views.of(current, snapshot);
                    }
                    ReservationEdit edit = planned.get();
                    target.set(new Target(
                            edit.serviceId().or(current.serviceId()),
                            edit.partySize().or(current.partySize()),
                            edit.start().or(current.startDatetime())));
                    return apply(new Reservation(current), edit, snapshot, now, afterConflict);
                }));
    }

    private ReservationView apply(
            Reservation reservation,
            ReservationEdit edit,
            CatalogSnapshot snapshot,
            Instant now,
            boolean afterConflict) {
        ReservationRow current = reservation.state;
        UUID organizationId = current.organizationId();
        if (edit.status().isSent()) {
            reservation.refuseToBookIfExpired(edit.status().value());
        }
        if (edit.moves()) {
            reservation.requireMovable();
            UUID preferred = edit.preferredResourceId().or(current.preferredResourceId());
            UUID area = edit.seatingPreference().or(current.seatingPreference());
            Placement placement = placements.place(
                    snapshot,
                    new Placements.Request(
                            edit.serviceId().or(current.serviceId()),
                            edit.start().or(current.startDatetime()),
                            edit.partySize().or(current.partySize()),
                            preferred,
                            area,
                            edit.assignedResources().isSent()
                                    ? edit.assignedResources().value()
                                    : null,
                            edit.override(),
                            current.id(),
                            afterConflict),
                    now);
            reservation.moveTo(placement, preferred, area, edit.override(), edit.movedFields(), now);
        }
        ReservationRow moved = reservation.state;
        // Completeness is checked once the whole change is known (below).
        Map<String, Object> custom = edit.customFields().isSent()
                ? customFields.validate(
                        organizationId,
                        EntityType.RESERVATION,
                        orEmpty(edit.customFields().value()),
                        moved.customFieldsByKey(),
                        false)
                : moved.customFieldsByKey();
        reservation.changeDetails(
                edit.contactId().or(moved.contactId()),
                edit.customerNotes().or(moved.customerNotes()),
                edit.internalNotes().or(moved.internalNotes()),
                edit.dealId().or(moved.dealId()),
                edit.companyId().or(moved.companyId()),
                custom,
                edit.detailFields(),
                now);
        if (edit.guest() != null) {
            reservation.recordGuest(edit.guest());
        } else if (edit.contactId().isSent()
                && reservation.state.guest() != null
                && reservation.state.guest().unverifiedContactId() != null) {
            // Staff chose the contact: the review is done.
            reservation.recordGuest(reservation.state.guest().asTyped());
        }
        ReservationStatus before = reservation.status();
        if (edit.changesStatus(before)) {
            reservation.moveStatusTo(
                    edit.status().value(),
                    edit.cancelledBy().value(),
                    edit.cancellationReason().value(),
                    now,
                    policyOf(snapshot, reservation.state.serviceId()));
        } else if (edit.sendsCancellationDetails() && reservation.status() != ReservationStatus.CANCELLED) {
            throw ReservaException.invalidField(edit.cancellationDetailField(), "only goes with status cancelled");
        }
        boolean confirmsHold = before == ReservationStatus.HELD
                && (reservation.status() == ReservationStatus.PENDING
                        || reservation.status() == ReservationStatus.CONFIRMED);
        if (confirmsHold || (edit.customFields().isSent() && reservation.holdsItsPlace())) {
            customFields.requireComplete(organizationId, EntityType.RESERVATION, reservation.state.customFieldsByKey());
        }
        carryOut(reservation, snapshot, now);
        reservations.update(reservation.state);
        ReservationView view = views.of(reservation.state, snapshot);
        Set<String> changed = reservation.changedFields();
        if (!changed.isEmpty()) {
            events.publishEvent(new ReservationEvents.ReservationUpdated(
                    view, Set.copyOf(changed), current.serviceId(), current.startDatetime()));
        }
        reservation
                .statusMove()
                .ifPresent(move -> events.publishEvent(
                        new ReservationEvents.ReservationStatusChanged(view, move.from(), move.to())));
        if (edit.moves()) {
            events.publishEvent(new ReservationEvents.ReservationResourcesAssigned(view));
        }
        return view;
    }

    /** What the reservation's occurrences mean for the units it holds and for its guest's record. */
    private void carryOut(Reservation reservation, CatalogSnapshot snapshot, Instant now) {
        ReservationRow row = reservation.state;
        for (Occurrence occurrence : reservation.occurrences()) {
            if (occurrence instanceof ReservationMoved moved) {
                allocations.replace(
                        row.organizationId(), row.id(), moved.placement().units());
            } else if (occurrence instanceof ReservationCancelled) {
                release(row, snapshot, now);
                recordOutcome(row, VisitOutcome.CANCELLED);
            } else if (occurrence instanceof ReservationMarkedNoShow) {
                release(row, snapshot, now);
                recordOutcome(row, VisitOutcome.NO_SHOW);
            } else if (occurrence instanceof ReservationExpired) {
                release(row, snapshot, now);
            } else if (occurrence instanceof ReservationCompleted completed) {
                if (completed.freedFrom() != null) {
                    allocations.freeFrom(row, completed.freedFrom());
                }
                recordOutcome(row, VisitOutcome.COMPLETED);
            }
        }
    }

    /** Expires the organization's lapsed holds (the sweeper calls this; bookings do it inline too). */
    public List<UUID> expireLapsedHolds(UUID organizationId) {
        return transaction.execute(status -> expireLapsed(organizationId, now()));
    }

    /**
     * Expires lapsed holds in the current transaction and announces each expiry like any other status change
     * (an update of status and hold_expires_at, and the move to expired), whichever path noticed the lapse.
     */
    private List<UUID> expireLapsed(UUID organizationId, Instant now) {
        List<UUID> expired = reservations.expireLapsedHolds(organizationId, now);
        for (UUID id : expired) {
            reservations.find(organizationId, id).ifPresent(row -> {
                ReservationView view = views.of(row);
                events.publishEvent(
                        new ReservationEvents.ReservationUpdated(view, Set.of("status", "hold_expires_at")));
                events.publishEvent(new ReservationEvents.ReservationStatusChanged(
                        view, ReservationStatus.HELD, ReservationStatus.EXPIRED));
            });
        }
        return expired;
    }

    /** Gives the place back; a shared-seating allocation passes to another party of the same start. */
    private void release(ReservationRow row, CatalogSnapshot snapshot, Instant now) {
        boolean shared = snapshot.service(row.serviceId())
                .map(service -> service.seating() == Seating.SHARED)
                .orElse(false);
        Optional<UUID> heir = shared
                ? reservations.otherPartyAtStart(
                        row.organizationId(), row.serviceId(), row.startDatetime(), row.id(), now)
                : Optional.empty();
        allocations.release(row.organizationId(), row.id(), heir);
    }

    private void recordOutcome(ReservationRow row, VisitOutcome outcome) {
        if (row.contactId() != null) {
            contacts.recordOutcome(row.organizationId(), row.contactId(), outcome, row.startDatetime());
        }
    }

    /** The service's policy for guests; a service no longer in the catalog lets guests do nothing. */
    static CancellationPolicy policyOf(CatalogSnapshot snapshot, UUID serviceId) {
        return snapshot.service(serviceId).map(CancellationPolicy::of).orElse(new CancellationPolicy(false, null));
    }

    /** The start a booking or move was after, for the refusal once every attempt lost its race. */
    private record Target(UUID serviceId, int partySize, Instant start) {}

    /**
     * Runs an attempt; a unit lost to a concurrent booking (or to a lapsed hold not yet expired) means: plan
     * again with what is now committed, after expiring lapsed holds.
     */
    private <T> T withRetries(UUID organizationId, Supplier<Target> target, Function<Boolean, T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.apply(i > 1);
            } catch (SlotTakenException e) {
                if (i == ATTEMPTS) {
                    Target lost = target.get();
                    CatalogSnapshot snapshot = catalog.snapshot(organizationId);
                    throw placements.slotUnavailable(
                            snapshot,
                            Placements.serviceOf(snapshot, lost.serviceId()),
                            lost.partySize(),
                            lost.start(),
                            "taken meanwhile");
                }
            }
        }
    }

    /** A contact, deal or company an edit points to must be a real record of the same organization. */
    private void checkEditReferences(UUID organizationId, ReservationEdit edit) {
        UUID contactId = edit.contactId().value();
        if (contactId != null && contacts.find(organizationId, contactId).isEmpty()) {
            throw ReservaException.invalidField(edit.contactId().field(), "is not a contact of this organization");
        }
        List<FieldError> errors = new ArrayList<>();
        checkReferences(organizationId, edit.dealId().value(), edit.companyId().value(), errors);
        ReservaException.throwIfAny(errors);
    }

    /** company_id and deal_id must be real records of the same organization. */
    private void checkReferences(UUID organizationId, UUID dealId, UUID companyId, List<FieldError> errors) {
        if (dealId != null && contacts.findDeal(organizationId, dealId).isEmpty()) {
            errors.add(new FieldError("deal_id", "is not a deal of this organization"));
        }
        if (companyId != null && contacts.findCompany(organizationId, companyId).isEmpty()) {
            errors.add(new FieldError("company_id", "is not a company of this organization"));
        }
    }

    private UUID organizationOf(Caller caller, UUID id) {
        if (caller.isPlatform()) {
            return reservations.organizationOf(id).orElseThrow(() -> notFound(id));
        }
        return caller.organizationId();
    }

    private static void requireStaff(Caller caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.STAFF && caller.role() != Role.PLATFORM_ADMIN) {
            throw ReservaException.forbidden("override needs an admin or staff key");
        }
    }

    static ContactDetails detailsOf(NewReservation.InlineContact contact) {
        return new ContactDetails(contact.firstName(), contact.lastName(), contact.email(), contact.phone());
    }

    private static Map<String, Object> orEmpty(Map<String, Object> values) {
        return values == null ? Map.of() : values;
    }

    static ReservaException notFound(UUID id) {
        return ReservaException.notFound("Reservation", id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

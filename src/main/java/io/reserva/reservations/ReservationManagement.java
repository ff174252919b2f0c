package io.reserva.reservations;

import io.reserva.availability.AllocatedUnit;
import io.reserva.availability.Allocation;
import io.reserva.availability.AllocationResult;
import io.reserva.availability.Refusal;
import io.reserva.availability.SlotFinder;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationService;
import io.reserva.catalog.Seating;
import io.reserva.contacts.ContactDetails;
import io.reserva.contacts.ContactDirectory;
import io.reserva.contacts.VisitOutcome;
import io.reserva.customfields.CustomFieldValues;
import io.reserva.customfields.EntityType;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking, holding, rescheduling and the status moves of reservations.
 *
 * <p>Every change that takes or moves a place runs in one transaction: lapsed holds of the organization are
 * expired first (so they never block), the start is locked when the service counts parties, the engine plans
 * the allocation from fresh data, and the allocation rows are written. The exclusion constraint on those rows
 * is the final word; when it reports that a concurrent booking took a unit first, the attempt is retried from
 * the start with fresh data, and only then refused with {@code 409 slot_unavailable}.
 */
@Service
public class ReservationManagement {

    static final int DEFAULT_HOLD_MINUTES = 5;
    static final int ATTEMPTS = 3;
    static final int NEAREST_STARTS = 3;

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservations")
            .field("id", "r.id", FieldType.UUID)
            .field("service_id", "r.service_id", FieldType.UUID)
            .nullableField("contact_id", "r.contact_id", FieldType.UUID)
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
            .nullableField("deal_id", "r.deal_id", FieldType.UUID)
            .nullableField("company_id", "r.company_id", FieldType.UUID)
            .field("created_at", "r.created_at", FieldType.INSTANT)
            .field("updated_at", "r.updated_at", FieldType.INSTANT)
            .searchOn("c.first_name", "c.last_name", "c.email", "c.phone", "r.confirmation_code")
            .defaultSort("start_datetime", true)
            .organizationScoped()
            .build();

    private final ReservationRepository reservations;
    private final SlotFinder slots;
    private final Catalog catalog;
    private final ContactDirectory contacts;
    private final CustomFieldValues customFields;
    private final ReservationViews views;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReservationManagement(
            ReservationRepository reservations,
            SlotFinder slots,
            Catalog catalog,
            ContactDirectory contacts,
            CustomFieldValues customFields,
            ReservationViews views,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.reservations = reservations;
        this.slots = slots;
        this.catalog = catalog;
        this.contacts = contacts;
        this.customFields = customFields;
        this.views = views;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public ReservationView get(Caller caller, UUID id) {
        UUID organizationId = organizationOf(caller, id);
        return views.of(reservations.find(organizationId, id).orElseThrow(() -> notFound(id)));
    }

    /** Lists reservations; {@code resourceId} keeps those holding that resource. */
    public Page<ReservationView> list(Caller caller, ListQuery query, UUID resourceId) {
        Optional<UUID> organization = query.organizationId() != null || !caller.isPlatform()
                ? Optional.of(caller.organizationFor(query.organizationId()))
                : Optional.empty();
        return views.of(reservations.list(query, organization, resourceId));
    }

    public ReservationView create(Caller caller, NewReservation request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        boolean override = Boolean.TRUE.equals(request.override());
        List<FieldError> errors = new ArrayList<>();
        if (override) {
            requireStaff(caller);
        } else if (request.assignedResources() != null
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
        if (request.contactId() != null
                && contacts.find(organizationId, request.contactId()).isEmpty()) {
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
        ReservationSource source = request.source() != null ? request.source() : ReservationSource.API;
        UUID contactId = request.contact() == null
                ? request.contactId()
                : contacts.matchOrCreate(
                                organizationId,
                                new ContactDetails(
                                        request.contact().firstName(),
                                        request.contact().lastName(),
                                        request.contact().email(),
                                        request.contact().phone()))
                        .id();
        UUID id = Ids.newId();
        ReservationView created = withRetries(
                organizationId,
                request.serviceId(),
                request.partySize(),
                request.startDatetime(),
                afterConflict -> transaction.execute(status -> {
                    Instant now = now();
                    if (afterConflict) {
                        // Planning already ignores lapsed holds, but their allocation rows still stand in the
                        // exclusion constraint's way until they are expired.
                        expireLapsed(organizationId, now);
                    }
                    Placement placement = place(
                            organizationId,
                            request.serviceId(),
                            request.startDatetime(),
                            request.partySize(),
                            request.preferredResourceId(),
                            request.assignedResources(),
                            override,
                            null);
                    ReservationService service = placement.service();
                    ReservationStatus initial = request.status() == ReservationStatus.HELD
                            ? ReservationStatus.HELD
                            : service.requiresConfirmation() ? ReservationStatus.PENDING : ReservationStatus.CONFIRMED;
                    Instant holdExpiresAt = initial == ReservationStatus.HELD
                            ? now.plus(Duration.ofMinutes(
                                    request.holdMinutes() == null ? DEFAULT_HOLD_MINUTES : request.holdMinutes()))
                            : null;
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
                            custom,
                            code,
                            holdExpiresAt,
                            null,
                            null,
                            null,
                            override,
                            caller.apiKeyId(),
                            now,
                            now);
                    List<AllocationRow> units =
                            placement.units().stream().map(unit -> unit.of(id)).toList();
                    ReservationRow row = insertNew(withCode, units);
                    ReservationView view = views.of(row, units);
                    events.publishEvent(new ReservationEvents.ReservationCreated(view));
                    if (!placement.units().isEmpty()) {
                        events.publishEvent(new ReservationEvents.ReservationResourcesAssigned(view));
                    }
                    return view;
                }));
        return created;
    }

    public ReservationView update(Caller caller, UUID id, Patch<ReservationChanges> patch) {
        UUID organizationId = organizationOf(caller, id);
        ReservationChanges sent = patch.values();
        boolean override = Boolean.TRUE.equals(sent.override());
        if (override) {
            requireStaff(caller);
        }
        if (patch.has("assigned_resources") && !override) {
            throw ReservaException.invalidField(
                    "assigned_resources", "can only be chosen by staff with override: true");
        }
        for (String required : List.of("start_datetime", "service_id", "party_size", "status")) {
            if (patch.has(required) && isNull(sent, required)) {
                throw ReservaException.invalidField(required, "cannot be cleared");
            }
        }
        if (patch.has("contact_id")
                && sent.contactId() != null
                && contacts.find(organizationId, sent.contactId()).isEmpty()) {
            throw ReservaException.invalidField("contact_id", "is not a contact of this organization");
        }
        List<FieldError> referenceErrors = new ArrayList<>();
        checkReferences(
                organizationId,
                patch.has("deal_id") ? sent.dealId() : null,
                patch.has("company_id") ? sent.companyId() : null,
                referenceErrors);
        ReservaException.throwIfAny(referenceErrors);
        boolean moves = patch.has("start_datetime")
                || patch.has("service_id")
                || patch.has("party_size")
                || patch.has("preferred_resource_id")
                || patch.has("assigned_resources");
        ReservationRow current = reservations.find(organizationId, id).orElseThrow(() -> notFound(id));
        ReservationView updated = withRetries(
                organizationId,
                patch.valueOr("service_id", sent.serviceId(), current.serviceId()),
                patch.valueOr("party_size", sent.partySize(), current.partySize()),
                patch.valueOr("start_datetime", sent.startDatetime(), current.startDatetime()),
                afterConflict -> transaction.execute(status -> {
                    Instant now = now();
                    expireLapsed(organizationId, now);
                    ReservationRow row = reservations.lock(organizationId, id).orElseThrow(() -> notFound(id));
                    Set<String> changed = new LinkedHashSet<>();
                    if (row.status() == ReservationStatus.EXPIRED
                            && patch.has("status")
                            && (sent.status() == ReservationStatus.CONFIRMED
                                    || sent.status() == ReservationStatus.PENDING)) {
                        throw new ReservaException(
                                ErrorCode.HOLD_EXPIRED,
                                "The hold lapsed"
                                        + (current.holdExpiresAt() == null ? "" : " at " + current.holdExpiresAt())
                                        + "; hold or book again");
                    }
                    if (moves) {
                        row = move(caller, row, patch, override, now);
                        changed.addAll(patch.fields().stream()
                                .filter(f -> Set.of(
                                                "start_datetime",
                                                "service_id",
                                                "party_size",
                                                "preferred_resource_id",
                                                "assigned_resources")
                                        .contains(f))
                                .toList());
                    }
                    row = applyDetails(organizationId, row, patch, now, changed);
                    ReservationStatus before = row.status();
                    if (patch.has("status") && sent.status() != before) {
                        row = transition(row, sent.status(), sent.cancelledBy(), sent.cancellationReason(), now);
                        changed.add("status");
                    } else if (patch.has("cancelled_by") || patch.has("cancellation_reason")) {
                        if (row.status() != ReservationStatus.CANCELLED) {
                            throw ReservaException.invalidField(
                                    patch.has("cancelled_by") ? "cancelled_by" : "cancellation_reason",
                                    "only goes with status cancelled");
                        }
                    }
                    boolean confirmsHold = before == ReservationStatus.HELD
                            && (row.status() == ReservationStatus.PENDING
                                    || row.status() == ReservationStatus.CONFIRMED);
                    if (confirmsHold || (patch.has("custom_fields_by_key") && holdsItsPlace(row.status()))) {
                        customFields.requireComplete(organizationId, EntityType.RESERVATION, row.customFieldsByKey());
                    }
                    reservations.update(row);
                    ReservationView view = views.of(row);
                    if (!changed.isEmpty()) {
                        events.publishEvent(new ReservationEvents.ReservationUpdated(view, Set.copyOf(changed)));
                    }
                    if (changed.contains("status")) {
                        events.publishEvent(new ReservationEvents.ReservationStatusChanged(view, before, row.status()));
                    }
                    if (moves) {
                        events.publishEvent(new ReservationEvents.ReservationResourcesAssigned(view));
                    }
                    return view;
                }));
        return updated;
    }

    /** A booking that is (or stays) a real booking: its required custom fields must be answered. */
    private static boolean holdsItsPlace(ReservationStatus status) {
        return status == ReservationStatus.PENDING
                || status == ReservationStatus.CONFIRMED
                || status == ReservationStatus.SEATED
                || status == ReservationStatus.COMPLETED;
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

    /**
     * Stores a new reservation with its units in one round trip; a confirmation code already taken in the
     * organization (rare: one in tens of millions per draw) is drawn again.
     */
    private ReservationRow insertNew(Function<String, ReservationRow> withCode, List<AllocationRow> units) {
        ReservationRow candidate = withCode.apply(ConfirmationCodes.next());
        try {
            while (!reservations.insertWithAllocations(candidate, units)) {
                candidate = withCode.apply(ConfirmationCodes.next());
            }
        } catch (DataIntegrityViolationException e) {
            if (isExclusionViolation(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
        return candidate;
    }

    private ReservationRow move(
            Caller caller, ReservationRow row, Patch<ReservationChanges> patch, boolean override, Instant now) {
        if (!row.status().occupies()) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION,
                    "A " + row.status().wire() + " reservation cannot be moved; book again instead");
        }
        ReservationChanges sent = patch.values();
        UUID serviceId = patch.valueOr("service_id", sent.serviceId(), row.serviceId());
        int partySize = patch.valueOr("party_size", sent.partySize(), row.partySize());
        Instant start = patch.valueOr("start_datetime", sent.startDatetime(), row.startDatetime());
        UUID preferred = patch.valueOr("preferred_resource_id", sent.preferredResourceId(), row.preferredResourceId());
        // The new place is planned with this reservation left out, then the old rows make way for the new
        // ones inside this transaction: if the new ones cannot be written, the rollback keeps the old place.
        Placement placement = place(
                row.organizationId(),
                serviceId,
                start,
                partySize,
                preferred,
                patch.has("assigned_resources") ? sent.assignedResources() : null,
                override,
                row.id());
        reservations.deleteAllocations(row.organizationId(), row.id());
        insertAllocations(row.organizationId(), row.id(), placement.units());
        return row.withPlace(
                serviceId,
                partySize,
                placement.start(),
                placement.end(),
                placement.occupiedFrom(),
                placement.occupiedUntil(),
                preferred,
                override,
                now);
    }

    private ReservationRow applyDetails(
            UUID organizationId,
            ReservationRow row,
            Patch<ReservationChanges> patch,
            Instant now,
            Set<String> changed) {
        ReservationChanges sent = patch.values();
        Map<String, Object> custom = row.customFieldsByKey();
        if (patch.has("custom_fields_by_key")) {
            // Completeness is checked once the whole change is known (see update).
            custom = customFields.validate(
                    organizationId,
                    EntityType.RESERVATION,
                    orEmpty(sent.customFieldsByKey()),
                    row.customFieldsByKey(),
                    false);
        }
        for (String field : List.of(
                "customer_notes", "internal_notes", "contact_id", "deal_id", "company_id", "custom_fields_by_key")) {
            if (patch.has(field)) {
                changed.add(field);
            }
        }
        return row.withDetails(
                patch.valueOr("contact_id", sent.contactId(), row.contactId()),
                patch.valueOr("customer_notes", sent.customerNotes(), row.customerNotes()),
                patch.valueOr("internal_notes", sent.internalNotes(), row.internalNotes()),
                patch.valueOr("deal_id", sent.dealId(), row.dealId()),
                patch.valueOr("company_id", sent.companyId(), row.companyId()),
                custom,
                changed.isEmpty() ? null : now);
    }

    /** One status move, guarded by the status machine, with what it does to the places held. */
    private ReservationRow transition(
            ReservationRow row, ReservationStatus next, CancelledBy cancelledBy, String reason, Instant now) {
        if (!row.status().canMoveTo(next)) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION,
                    "A " + row.status().wire() + " reservation cannot become " + next.wire());
        }
        if (row.holdLapsed(now) && next != ReservationStatus.CANCELLED && next != ReservationStatus.EXPIRED) {
            throw new ReservaException(ErrorCode.HOLD_EXPIRED, "The hold lapsed at " + row.holdExpiresAt());
        }
        ReservationRow moved = row.withStatus(next, now);
        switch (next) {
            case CANCELLED -> {
                CancelledBy by = cancelledBy == null ? CancelledBy.ORGANIZATION : cancelledBy;
                if (by == CancelledBy.CONTACT) {
                    checkCancellationWindow(row, now);
                }
                release(row, now);
                recordOutcome(row, VisitOutcome.CANCELLED);
                moved = moved.withCancellation(now, by, reason);
            }
            case NO_SHOW -> {
                release(row, now);
                recordOutcome(row, VisitOutcome.NO_SHOW);
            }
            case EXPIRED -> release(row, now);
            case COMPLETED -> {
                Instant freeFrom = freedAt(row, now);
                if (freeFrom.isBefore(row.occupiedUntil())) {
                    if (!freeFrom.isAfter(row.occupiedFrom())) {
                        reservations.deleteAllocations(row.organizationId(), row.id());
                    } else {
                        reservations.shortenAllocations(row.organizationId(), row.id(), freeFrom);
                    }
                    moved = moved.occupiedUntil(freeFrom);
                }
                recordOutcome(row, VisitOutcome.COMPLETED);
            }
            default -> {
                // pending, confirmed, seated: the place stays as it is
            }
        }
        return moved;
    }

    /** Completing early frees the rest of the time; the buffer after still applies (the table is cleared). */
    private Instant freedAt(ReservationRow row, Instant now) {
        Duration bufferAfter = Duration.between(row.endDatetime(), row.occupiedUntil());
        return now.isBefore(row.endDatetime()) ? now.plus(bufferAfter) : row.occupiedUntil();
    }

    private void checkCancellationWindow(ReservationRow row, Instant now) {
        ReservationService service =
                catalog.snapshot(row.organizationId()).service(row.serviceId()).orElseThrow();
        if (!service.allowCancellation()) {
            throw new ReservaException(
                    ErrorCode.OUTSIDE_CANCELLATION_WINDOW, "This service does not allow guests to cancel");
        }
        int hours = service.cancellationDeadlineHours() == null ? 0 : service.cancellationDeadlineHours();
        Instant deadline = row.startDatetime().minus(Duration.ofHours(hours));
        if (now.isAfter(deadline)) {
            throw new ReservaException(
                    ErrorCode.OUTSIDE_CANCELLATION_WINDOW,
                    "Guests can cancel until " + hours + " hours before the start (" + deadline + ")");
        }
    }

    /** Gives the place back; a shared-seating allocation passes to another party of the same start. */
    private void release(ReservationRow row, Instant now) {
        boolean shared = catalog.snapshot(row.organizationId())
                .service(row.serviceId())
                .map(service -> service.seating() == Seating.SHARED)
                .orElse(false);
        Optional<UUID> heir = shared
                ? reservations.otherPartyAtStart(
                        row.organizationId(), row.serviceId(), row.startDatetime(), row.id(), now)
                : Optional.empty();
        if (heir.isPresent()) {
            reservations.moveAllocations(row.organizationId(), row.id(), heir.get());
        } else {
            reservations.deleteAllocations(row.organizationId(), row.id());
        }
    }

    private void recordOutcome(ReservationRow row, VisitOutcome outcome) {
        if (row.contactId() != null) {
            contacts.recordOutcome(row.organizationId(), row.contactId(), outcome, row.startDatetime());
        }
    }

    /** Where and when a party goes: the engine's answer, or for staff overrides, the explicit place. */
    private Placement place(
            UUID organizationId,
            UUID serviceId,
            Instant start,
            int partySize,
            UUID preferredResourceId,
            List<UUID> explicitResources,
            boolean override,
            UUID movingReservationId) {
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        ReservationService service = snapshot.service(serviceId)
                .orElseThrow(
                        () -> ReservaException.invalidField("service_id", "is not a service of this organization"));
        if (preferredResourceId != null
                && snapshot.resource(preferredResourceId).isEmpty()) {
            throw ReservaException.invalidField("preferred_resource_id", "is not a resource of this organization");
        }
        if (service.slotCapacity() != null || service.seating() == Seating.SHARED) {
            reservations.lockSlot(organizationId, serviceId, start);
        }
        if (override && explicitResources != null && !explicitResources.isEmpty()) {
            return Placement.explicit(
                    service,
                    snapshot,
                    start,
                    partySize,
                    explicitResources,
                    reservations,
                    organizationId,
                    movingReservationId,
                    now());
        }
        SlotFinder.BookingPlan plan =
                slots.plan(organizationId, serviceId, start, partySize, preferredResourceId, movingReservationId);
        AllocationResult result = plan.result();
        if (result instanceof Allocation allocation) {
            return Placement.of(service, allocation);
        }
        if (override) {
            // Outside hours or capacity, with no resource chosen: booked without holding a resource.
            return Placement.unassigned(service, start, partySize);
        }
        throw refusal(((Refusal) result), organizationId, serviceId, partySize, start);
    }

    private ReservaException refusal(
            Refusal refusal, UUID organizationId, UUID serviceId, int partySize, Instant start) {
        return switch (refusal.reason()) {
            case PARTY_TOO_LARGE -> ReservaException.invalidField("party_size", "is larger than this service takes");
            case PARTY_TOO_SMALL -> ReservaException.invalidField("party_size", "is smaller than this service takes");
            case SERVICE_INACTIVE -> ReservaException.invalidField("service_id", "is not active");
            default ->
                slotUnavailable(
                        organizationId,
                        serviceId,
                        partySize,
                        start,
                        refusal.reason().name());
        };
    }

    private ReservaException slotUnavailable(
            UUID organizationId, UUID serviceId, int partySize, Instant start, String why) {
        List<Instant> nearest = slots.nearestStarts(organizationId, serviceId, partySize, start, NEAREST_STARTS);
        return new ReservaException(
                ErrorCode.SLOT_UNAVAILABLE,
                "This start cannot be booked (" + why.toLowerCase(java.util.Locale.ROOT) + ")"
                        + (nearest.isEmpty() ? "" : "; the nearest free starts are listed in nearest_available_starts"),
                List.of(),
                Map.of(
                        "nearest_available_starts",
                        nearest.stream().map(Instant::toString).toList()));
    }

    private void insertAllocations(UUID organizationId, UUID reservationId, List<AllocationRow> units) {
        try {
            reservations.insertAllocations(
                    organizationId,
                    units.stream()
                            .map(unit -> new AllocationRow(
                                    reservationId,
                                    unit.resourceId(),
                                    unit.unitIndex(),
                                    unit.assignmentMode(),
                                    unit.occupiedFrom(),
                                    unit.occupiedUntil()))
                            .toList());
        } catch (DataIntegrityViolationException e) {
            if (isExclusionViolation(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
    }

    /**
     * Runs an attempt; a unit lost to a concurrent booking (or to a lapsed hold not yet expired) means: plan
     * again with what is now committed, after expiring lapsed holds.
     */
    private <T> T withRetries(
            UUID organizationId, UUID serviceId, int partySize, Instant start, Function<Boolean, T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.apply(i > 1);
            } catch (SlotTakenException e) {
                if (i == ATTEMPTS) {
                    throw slotUnavailable(organizationId, serviceId, partySize, start, "taken meanwhile");
                }
            }
        }
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

    private static boolean isExclusionViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNull(ReservationChanges sent, String field) {
        return switch (field) {
            case "start_datetime" -> sent.startDatetime() == null;
            case "service_id" -> sent.serviceId() == null;
            case "party_size" -> sent.partySize() == null;
            case "status" -> sent.status() == null;
            default -> false;
        };
    }

    private static Map<String, Object> orEmpty(Map<String, Object> values) {
        return values == null ? Map.of() : values;
    }

    private static ReservaException notFound(UUID id) {
        return ReservaException.notFound("Reservation", id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Where a party goes: times (buffers included) and the units to hold. */
    record Placement(
            ReservationService service,
            Instant start,
            Instant end,
            Instant occupiedFrom,
            Instant occupiedUntil,
            List<AllocationRow> units) {

        static Placement of(ReservationService service, Allocation allocation) {
            return new Placement(
                    service,
                    allocation.start(),
                    allocation.end(),
                    allocation.occupiedFrom(),
                    allocation.occupiedUntil(),
                    allocation.units().stream()
                            .map(unit -> unitRow(unit, allocation.occupiedFrom(), allocation.occupiedUntil()))
                            .toList());
        }

        static Placement unassigned(ReservationService service, Instant start, int partySize) {
            Instant end = start.plus(Duration.ofMinutes(service.durationFor(partySize)));
            return new Placement(
                    service,
                    start,
                    end,
                    start.minus(Duration.ofMinutes(service.bufferBeforeMinutes())),
                    end.plus(Duration.ofMinutes(service.bufferAfterMinutes())),
                    List.of());
        }

        /** Staff chose the resources: the first free unit of each, still refused by the constraint if taken. */
        static Placement explicit(
                ReservationService service,
                CatalogSnapshot catalog,
                Instant start,
                int partySize,
                List<UUID> resources,
                ReservationRepository reservations,
                UUID organizationId,
                UUID movingReservationId,
                Instant now) {
            Placement times = unassigned(service, start, partySize);
            List<AllocationRow> units = new ArrayList<>();
            for (UUID resourceId : new LinkedHashSet<>(resources)) {
                ReservationResource resource = catalog.resource(resourceId)
                        .orElseThrow(() -> ReservaException.invalidField(
                                "assigned_resources", resourceId + " is not a resource of this organization"));
                Set<Integer> busy =
                        reservations
                                .occupancies(organizationId, times.occupiedFrom(), times.occupiedUntil(), now)
                                .stream()
                                .filter(o -> resourceId.equals(o.resourceId())
                                        && !o.reservationId().equals(movingReservationId))
                                .filter(o -> o.occupiedFrom().isBefore(times.occupiedUntil())
                                        && times.occupiedFrom().isBefore(o.occupiedUntil()))
                                .map(io.reserva.availability.Occupancy::unitIndex)
                                .collect(Collectors.toSet());
                int unit = 0;
                while (busy.contains(unit)) {
                    unit++;
                }
                if (unit >= resource.units()) {
                    throw new SlotTakenException();
                }
                units.add(new AllocationRow(
                        null, resourceId, unit, "override", times.occupiedFrom(), times.occupiedUntil()));
            }
            return new Placement(
                    service, times.start(), times.end(), times.occupiedFrom(), times.occupiedUntil(), units);
        }

        private static AllocationRow unitRow(AllocatedUnit unit, Instant from, Instant until) {
            return new AllocationRow(
                    null,
                    unit.resourceId(),
                    unit.unitIndex(),
                    unit.mode().name().toLowerCase(java.util.Locale.ROOT),
                    from,
                    until);
        }
    }
}

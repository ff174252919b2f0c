package io.reserva.waitlist;

import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearch;
import io.reserva.availability.SlotSearchResult;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationService;
import io.reserva.contacts.Contact;
import io.reserva.contacts.ContactDetails;
import io.reserva.contacts.ContactDirectory;
import io.reserva.reservations.CancelledBy;
import io.reserva.reservations.ContactSummary;
import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationChanges;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationSource;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
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
import io.reserva.waitlist.WaitlistRepository.Found;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application service of the waitlist: join, read, move through the statuses, seat and answer offers. Each
 * change runs in one transaction that locks the entry, lets the {@link WaitlistEntry} aggregate apply it, books
 * or frees through the reservations module inside that same transaction, stores the entry and publishes the
 * events. Quotes are computed on every read from the live floor ({@link WaitQuotes}), so they are never stale.
 */
@Service
public class WaitlistManagement {

    private static final Logger log = LoggerFactory.getLogger(WaitlistManagement.class);

    public static final QueryDefinition QUERY = QueryDefinition.forResource("waitlist-entries")
            .field("id", "e.id", FieldType.UUID)
            .nullableField("service_id", "e.service_id", FieldType.UUID)
            .nullableField("contact_id", "e.contact_id", FieldType.UUID)
            .nullableField("reservation_id", "e.reservation_id", FieldType.UUID)
            .enumField("status", "e.status", wires(WaitlistEntryStatus.values()))
            .enumField("kind", "e.kind", wires(WaitlistKind.values()))
            .enumField("source", "e.source", wires(WaitlistEntrySource.values()))
            .field("date", "e.local_date", FieldType.DATE)
            .field("party_size", "e.party_size", FieldType.INTEGER)
            .field("created_at", "e.created_at", FieldType.INSTANT)
            .field("updated_at", "e.updated_at", FieldType.INSTANT)
            .searchOn("c.first_name", "c.last_name", "c.email", "c.phone", "e.notes")
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final WaitlistRepository entries;
    private final ContactDirectory contacts;
    private final Catalog catalog;
    private final SlotFinder slots;
    private final ReservationManagement reservations;
    private final WaitQuotes quotes;
    private final WaitlistProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WaitlistManagement(
            WaitlistRepository entries,
            ContactDirectory contacts,
            Catalog catalog,
            SlotFinder slots,
            ReservationManagement reservations,
            WaitQuotes quotes,
            WaitlistProperties properties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.entries = entries;
        this.contacts = contacts;
        this.catalog = catalog;
        this.slots = slots;
        this.reservations = reservations;
        this.quotes = quotes;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Puts a party on the list. Everything, the inline guest included, happens in one transaction: a refused join
     * leaves no contact behind.
     */
    public WaitlistEntryView create(Caller caller, NewWaitlistEntry request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        if (caller.role() == Role.READ_ONLY) {
            throw ReservaException.forbidden("A read_only key cannot add to the waitlist");
        }
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        Instant now = now();
        WaitlistEntrySource source = request.source() == null ? WaitlistEntrySource.API : request.source();
        List<FieldError> errors = new ArrayList<>();
        ReservationService service = null;
        if (request.serviceId() != null) {
            service = snapshot.service(request.serviceId())
                    .filter(ReservationService::isActive)
                    .orElse(null);
            if (service == null) {
                errors.add(new FieldError("service_id", "is not an active service of this organization"));
            }
        }
        LocalDate today = now.atZone(ZoneId.of(snapshot.organizationTimezone())).toLocalDate();
        LocalDate date = today;
        if (request.kind() == WaitlistKind.LATER) {
            if (request.serviceId() == null) {
                errors.add(new FieldError("service_id", "is required for a later entry: an offer books a service"));
            }
            if (request.date() == null) {
                errors.add(new FieldError("date", "is required for a later entry"));
            } else if (request.date().isBefore(today)) {
                errors.add(new FieldError("date", "is in the past"));
            } else {
                date = request.date();
            }
            if (request.windowStart() == null) {
                errors.add(new FieldError("window_start", "is required for a later entry"));
            }
            if (request.windowEnd() == null) {
                errors.add(new FieldError("window_end", "is required for a later entry"));
            }
            if (request.windowStart() != null
                    && request.windowEnd() != null
                    && !request.windowEnd().isAfter(request.windowStart())) {
                errors.add(new FieldError("window_end", "must be after window_start"));
            }
        } else {
            if (request.date() != null) {
                errors.add(new FieldError("date", "only a later entry has a date: a now entry waits today"));
            }
            if (request.windowStart() != null) {
                errors.add(new FieldError("window_start", "only a later entry has a window"));
            }
            if (request.windowEnd() != null) {
                errors.add(new FieldError("window_end", "only a later entry has a window"));
            }
        }
        if (request.contactId() != null && request.contact() != null) {
            errors.add(new FieldError("contact", "give contact_id or contact, not both"));
        } else if (request.contactId() == null && request.contact() == null) {
            errors.add(new FieldError("contact", "is required (or contact_id): the host calls the party by name"));
        }
        Optional<Contact> known =
                request.contactId() == null ? Optional.empty() : contacts.find(organizationId, request.contactId());
        if (request.contactId() != null && known.isEmpty()) {
            errors.add(new FieldError("contact_id", "is not a contact of this organization"));
        }
        boolean remote = source != WaitlistEntrySource.WALK_IN;
        boolean phoneGiven = request.contact() != null
                ? request.contact().phone() != null
                        && !request.contact().phone().isBlank()
                : known.map(c -> c.phone() != null).orElse(true);
        if (remote && !phoneGiven) {
            errors.add(new FieldError(
                    request.contact() != null ? "contact.phone" : "contact_id",
                    "a phone number is required to join remotely (any source but walk_in)"));
        }
        if (service != null) {
            checkPartySize(service, request.partySize(), errors);
        }
        ReservaException.throwIfAny(errors);
        if (service != null) {
            refuseClosedDay(organizationId, service, date, request.partySize());
        }
        LocalDate queueDate = date;
        UUID serviceId = service == null ? null : service.id();
        return transaction.execute(status -> {
            entries.lockQueue(organizationId, queueDate, request.kind());
            if (entries.countActive(organizationId, queueDate, request.kind()) >= properties.maxActive()) {
                throw new ReservaException(
                        ErrorCode.WAITLIST_FULL,
                        "The " + request.kind().wire() + " waitlist of " + queueDate + " holds "
                                + properties.maxActive() + " parties already");
            }
            UUID contactId;
            String phone;
            ContactDirectory.GuestMatch typed = null;
            if (request.contact() != null && source == WaitlistEntrySource.BOOKING_PAGE) {
                // A stranger on a public page: filed under an existing contact only when the name typed is its
                // too, never changing it (the rule of bookings, issue 15); what was typed is kept for staff.
                typed = contacts.matchGuest(organizationId, detailsOf(request.contact()));
                contactId = typed.linked() == null ? null : typed.linked().id();
                phone = typed.typed().phone();
            } else {
                Contact guest = request.contact() == null
                        ? known.orElseThrow()
                        : contacts.matchOrCreate(organizationId, detailsOf(request.contact()));
                contactId = guest.id();
                phone = guest.phone();
            }
            if (phone != null && entries.phoneActive(organizationId, phone)) {
                throw alreadyWaiting();
            }
            WaitlistEntryRow row = new WaitlistEntryRow(
                    Ids.newId(),
                    organizationId,
                    serviceId,
                    contactId,
                    phone,
                    request.partySize(),
                    request.kind(),
                    queueDate,
                    request.windowStart(),
                    request.windowEnd(),
                    request.notes(),
                    request.tags() == null ? List.of() : request.tags(),
                    source,
                    WaitlistEntryStatus.WAITING,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    caller.apiKeyId(),
                    now,
                    now);
            try {
                entries.insert(row);
            } catch (DuplicateKeyException e) {
                throw alreadyWaiting();
            }
            if (typed != null) {
                ContactDetails details = typed.typed();
                entries.insertGuestDetails(
                        organizationId,
                        row.id(),
                        new ContactSummary(
                                null, details.firstName(), details.lastName(), details.email(), details.phone()),
                        typed.unverified());
            }
            WaitlistEntryView view = view(row.organizationId(), row.id());
            events.publishEvent(new WaitlistEvents.WaitlistEntryCreated(view));
            return view;
        });
    }

    /**
     * The quote a party of {@code partySize} would get joining today's now waitlist of the service: every active
     * now entry of today is ahead of it. For channels that show the wait before the guest joins (Google).
     */
    public NowWaitEstimate estimateNow(UUID organizationId, UUID serviceId, int partySize) {
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        ReservationService service = snapshot.service(serviceId)
                .filter(ReservationService::isActive)
                .orElseThrow(() -> ReservaException.notFound("Service", serviceId));
        Instant now = now();
        LocalDate today = now.atZone(ZoneId.of(snapshot.organizationTimezone())).toLocalDate();
        SlotSearchResult day = slots.find(
                new Caller(null, organizationId, Role.STAFF),
                new SlotSearch(organizationId, service.id(), today, today, partySize, null, true));
        boolean open = !"closed".equals(day.reason());
        List<Integer> ahead = entries.sizesActive(organizationId, today, WaitlistKind.NOW);
        Optional<WaitEstimator.Quote> quote =
                quotes.floor(snapshot, service.id(), now).map(floor -> quotes.quote(floor, now, ahead, partySize));
        return new NowWaitEstimate(
                open,
                ahead.size(),
                quote.map(WaitEstimator.Quote::seatFrom).orElse(null),
                quote.map(WaitEstimator.Quote::seatTo).orElse(null));
    }

    public WaitlistEntryView get(Caller caller, UUID id) {
        return view(organizationOf(caller, id), id);
    }

    public Page<WaitlistEntryView> list(Caller caller, ListQuery query) {
        Optional<UUID> organization = query.organizationId() != null || !caller.isPlatform()
                ? Optional.of(caller.organizationFor(query.organizationId()))
                : Optional.empty();
        Page<Found> page = entries.list(query, organization);
        Instant now = now();
        Map<String, Optional<WaitQuotes.Floor>> floors = new HashMap<>();
        return page.map(found -> view(found, now, floors));
    }

    /** Moves the entry through the statuses, changes notes and tags, or overrides the quote. */
    public WaitlistEntryView update(Caller caller, UUID id, Patch<WaitlistEntryChanges> patch) {
        UUID organizationId = organizationOf(caller, id);
        requireWriter(caller);
        WaitlistEntryChanges changes = patch.values();
        return transaction.execute(status -> {
            Instant now = now();
            WaitlistEntry entry = new WaitlistEntry(lock(organizationId, id));
            WaitlistEntryRow before = entry.state;
            boolean quoteSent = patch.has("estimated_seat_from") || patch.has("estimated_seat_to");
            if (quoteSent) {
                checkQuoteOverride(before, patch, changes);
            }
            if (patch.has("notes") || patch.has("tags") || quoteSent) {
                entry.state = before.withDetails(
                        patch.valueOr("notes", changes.notes(), before.notes()),
                        patch.has("tags") ? (changes.tags() == null ? List.of() : changes.tags()) : before.tags(),
                        quoteSent ? changes.estimatedSeatFrom() : before.quoteFromOverride(),
                        quoteSent ? changes.estimatedSeatTo() : before.quoteToOverride(),
                        now);
            }
            if (patch.has("status")) {
                if (changes.status() == null) {
                    throw ReservaException.invalidField("status", "cannot be null");
                }
                if (changes.status() != before.status()) {
                    UUID heldOffer = before.offerReservationId();
                    entry.moveStatusTo(changes.status(), now);
                    if (heldOffer != null) {
                        releaseHold(caller, heldOffer);
                    }
                }
            }
            return store(entry, before);
        });
    }

    /**
     * Seats the party now: books its table (staff booking with {@code override}, so a walk-in is seated outside
     * the bookable grid, never onto a table someone holds) as a reservation with source {@code waitlist}, seats that
     * reservation and links it to the entry, all in one transaction. An open offer's hold is let go first.
     */
    public WaitlistEntryView seat(Caller caller, UUID id, SeatWaitlistEntry request) {
        UUID organizationId = organizationOf(caller, id);
        requireWriter(caller);
        if (caller.role() != Role.ADMIN && caller.role() != Role.STAFF && caller.role() != Role.PLATFORM_ADMIN) {
            throw ReservaException.forbidden("Seating books outside availability and needs an admin or staff key");
        }
        return transaction.execute(status -> {
            Instant now = now();
            WaitlistEntry entry = new WaitlistEntry(lock(organizationId, id));
            WaitlistEntryRow before = entry.state;
            if (!before.status().canMoveTo(WaitlistEntryStatus.SEATED)) {
                throw new ReservaException(
                        ErrorCode.INVALID_TRANSITION,
                        "A " + before.status().wire() + " waitlist entry cannot become seated");
            }
            if (before.serviceId() == null) {
                throw ReservaException.invalidField(
                        "service_id", "the entry has no service: give it one by joining again with service_id");
            }
            if (before.offerReservationId() != null) {
                releaseHold(caller, before.offerReservationId());
            }
            List<UUID> tables = request == null ? null : request.assignedResources();
            Instant start = now.truncatedTo(ChronoUnit.MINUTES);
            if (tables == null || tables.isEmpty()) {
                // A walk-in starts off the bookable grid, where the engine assigns no table: pick one as a host would.
                UUID free = quotes.floor(catalog.snapshot(organizationId), before.serviceId(), start)
                        .flatMap(floor -> quotes.freeTable(floor, start, before.partySize()))
                        .orElseThrow(() -> new ReservaException(
                                ErrorCode.SLOT_UNAVAILABLE,
                                "No table that fits the party is free for its turn now; name one in assigned_resources",
                                List.of(new FieldError("assigned_resources", "no fitting table is free now"))));
                tables = List.of(free);
            }
            ReservationView booked = reservations.createWithin(
                    caller,
                    new NewReservation(
                            organizationId,
                            before.serviceId(),
                            before.contactId(),
                            null,
                            before.partySize(),
                            start,
                            null,
                            null,
                            ReservationSource.WAITLIST,
                            before.notes(),
                            null,
                            null,
                            null,
                            null,
                            tables,
                            null,
                            true));
            if (booked.status() == ReservationStatus.PENDING) {
                reservations.update(caller, booked.id(), statusPatch(ReservationStatus.CONFIRMED, null));
            }
            reservations.update(caller, booked.id(), statusPatch(ReservationStatus.SEATED, null));
            entry.seat(booked.id(), now);
            return store(entry, before);
        });
    }

    /**
     * Accepts the held start on offer: the hold becomes a confirmed reservation (the allocation constraint already
     * holds its units, so it can never double-book) and the entry is done. A lapsed offer is {@code 409
     * offer_expired}; a second acceptance, or one racing the first, finds no open offer ({@code 409
     * no_open_offer}).
     */
    public WaitlistEntryView acceptOffer(Caller caller, UUID id) {
        UUID organizationId = organizationOf(caller, id);
        requireWriter(caller);
        return transaction.execute(status -> {
            Instant now = now();
            WaitlistEntry entry = new WaitlistEntry(lock(organizationId, id));
            WaitlistEntryRow before = entry.state;
            entry.requireOpenOffer(now);
            UUID held = before.offerReservationId();
            reservations.update(caller, held, statusPatch(ReservationStatus.CONFIRMED, null));
            entry.acceptOffer(held, now);
            return store(entry, before);
        });
    }

    /** Declines the start on offer: the hold is let go (and offered to the next entry); the entry keeps waiting. */
    public WaitlistEntryView declineOffer(Caller caller, UUID id) {
        UUID organizationId = organizationOf(caller, id);
        requireWriter(caller);
        return transaction.execute(status -> {
            Instant now = now();
            WaitlistEntry entry = new WaitlistEntry(lock(organizationId, id));
            WaitlistEntryRow before = entry.state;
            entry.requireOpenOffer(now);
            UUID held = before.offerReservationId();
            entry.withdrawOffer(now);
            releaseHold(caller, held);
            return store(entry, before);
        });
    }

    /**
     * Moves to {@code expired} every active entry of the organization whose day has passed on the venue's wall
     * clock (the service's zone, else the organization's), each in its own transaction, letting go of an open
     * offer's hold. Returns how many expired.
     */
    int expirePassedDays(UUID organizationId) {
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        Instant now = now();
        ZoneId organizationZone = ZoneId.of(snapshot.organizationTimezone());
        // No zone is more than 14 hours ahead of UTC: nothing of a later day than this can have passed anywhere.
        LocalDate bound = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
        Caller system = new Caller(null, organizationId, Role.STAFF);
        int expired = 0;
        for (WaitlistEntryRow candidate : entries.activeBefore(organizationId, bound, 500)) {
            ZoneId zone = candidate.serviceId() == null
                    ? organizationZone
                    : snapshot.service(candidate.serviceId())
                            .map(s -> ZoneId.of(s.timezone()))
                            .orElse(organizationZone);
            if (!candidate.localDate().isBefore(now.atZone(zone).toLocalDate())) {
                continue;
            }
            Boolean done;
            try {
                done = transaction.execute(status -> {
                    WaitlistEntryRow row =
                            entries.lock(organizationId, candidate.id()).orElse(null);
                    if (row == null || !row.status().isActive()) {
                        return false;
                    }
                    WaitlistEntry entry = new WaitlistEntry(row);
                    UUID heldOffer = row.offerReservationId();
                    entry.expire(now);
                    if (heldOffer != null) {
                        releaseHold(system, heldOffer);
                    }
                    store(entry, row);
                    return true;
                });
            } catch (RuntimeException e) {
                // One entry that cannot expire must not keep the others of the organization waiting.
                log.warn("Could not expire waitlist entry {}", candidate.id(), e);
                continue;
            }
            if (Boolean.TRUE.equals(done)) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * The guest leaves the list (through their private link): {@code cancelled}, an open offer's hold let go and so
     * offered to the next entry. An entry that already left is {@code 409 invalid_transition}.
     */
    public WaitlistEntryView cancelByGuest(UUID organizationId, UUID id) {
        Caller venue = new Caller(null, organizationId, Role.STAFF);
        return transaction.execute(status -> {
            WaitlistEntry entry = new WaitlistEntry(lock(organizationId, id));
            WaitlistEntryRow before = entry.state;
            UUID heldOffer = before.offerReservationId();
            entry.cancel(now());
            if (heldOffer != null) {
                releaseHold(venue, heldOffer);
            }
            return store(entry, before);
        });
    }

    /** Lets go of a held start that was on offer; already lapsed or gone, there is nothing to let go. */
    private void releaseHold(Caller caller, UUID heldReservation) {
        ReservationView held = reservations.get(caller, heldReservation);
        // A lapsed hold blocks nothing and cannot be cancelled (the reservations' hold sweeper expires it).
        boolean lapsed = held.holdExpiresAt() != null && !now().isBefore(held.holdExpiresAt());
        if (held.status() == ReservationStatus.HELD && !lapsed) {
            reservations.update(caller, heldReservation, statusPatch(ReservationStatus.CANCELLED, CancelledBy.SYSTEM));
        }
    }

    /** Stores a change made elsewhere in this module (an offer made or withdrawn) and announces it. */
    WaitlistEntryView storeChange(WaitlistEntry entry, WaitlistEntryRow before) {
        return store(entry, before);
    }

    private WaitlistEntryView store(WaitlistEntry entry, WaitlistEntryRow before) {
        WaitlistEntryRow after = entry.state;
        entries.update(after);
        WaitlistEntryView view = view(after.organizationId(), after.id());
        for (WaitlistEntry.StatusMoved move : entry.moves()) {
            events.publishEvent(new WaitlistEvents.WaitlistEntryStatusChanged(view, move.from(), move.to()));
        }
        boolean detailsChanged = !java.util.Objects.equals(before.notes(), after.notes())
                || !before.tags().equals(after.tags())
                || !java.util.Objects.equals(before.quoteFromOverride(), after.quoteFromOverride())
                || !java.util.Objects.equals(before.quoteToOverride(), after.quoteToOverride());
        if (detailsChanged) {
            events.publishEvent(new WaitlistEvents.WaitlistEntryUpdated(view));
        }
        return view;
    }

    static Patch<ReservationChanges> statusPatch(ReservationStatus status, CancelledBy by) {
        ReservationChanges.Builder builder = ReservationChanges.builder().status(status);
        if (by != null) {
            builder.cancelledBy(by);
        }
        return builder.build();
    }

    private void checkQuoteOverride(WaitlistEntryRow row, Patch<WaitlistEntryChanges> patch, WaitlistEntryChanges c) {
        if (row.kind() != WaitlistKind.NOW) {
            throw ReservaException.invalidField("estimated_seat_from", "only a now entry has a quoted wait");
        }
        if (!patch.has("estimated_seat_from") || !patch.has("estimated_seat_to")) {
            throw ReservaException.invalidField(
                    patch.has("estimated_seat_from") ? "estimated_seat_to" : "estimated_seat_from",
                    "send both ends of the quote (or null for both to use the estimate again)");
        }
        if ((c.estimatedSeatFrom() == null) != (c.estimatedSeatTo() == null)) {
            throw ReservaException.invalidField(
                    "estimated_seat_to", "both ends are given, or both null to use the estimate again");
        }
        if (c.estimatedSeatFrom() != null && c.estimatedSeatTo().isBefore(c.estimatedSeatFrom())) {
            throw ReservaException.invalidField("estimated_seat_to", "must not be before estimated_seat_from");
        }
    }

    private void checkPartySize(ReservationService service, int partySize, List<FieldError> errors) {
        if (partySize < service.minPartySize()) {
            errors.add(new FieldError("party_size", "is below the service's minimum of " + service.minPartySize()));
        } else if (service.maxPartySize() != null && partySize > service.maxPartySize()) {
            errors.add(new FieldError("party_size", "is above the service's maximum of " + service.maxPartySize()));
        }
    }

    /** A day the venue does not open for the service is refused; a full day is exactly why a guest waits. */
    private void refuseClosedDay(UUID organizationId, ReservationService service, LocalDate date, int partySize) {
        SlotSearchResult day = slots.find(
                new Caller(null, organizationId, Role.STAFF),
                new SlotSearch(organizationId, service.id(), date, date, partySize, null, true));
        if ("closed".equals(day.reason())) {
            throw new ReservaException(
                    ErrorCode.DAY_CLOSED,
                    service.name() + " is not open on " + date,
                    List.of(new FieldError("date", "the venue is closed that day")));
        }
        if ("party_too_large".equals(day.reason()) || "party_too_small".equals(day.reason())) {
            throw ReservaException.invalidField("party_size", "no table of " + service.name() + " fits this party");
        }
    }

    private WaitlistEntryView view(UUID organizationId, UUID id) {
        Found found = entries.find(organizationId, id).orElseThrow(() -> notFound(id));
        return view(found, now(), new HashMap<>());
    }

    private WaitlistEntryView view(Found found, Instant now, Map<String, Optional<WaitQuotes.Floor>> floors) {
        WaitlistEntryRow row = found.row();
        Instant from = null;
        Instant to = null;
        boolean overridden = row.quoteFromOverride() != null;
        if (row.kind() == WaitlistKind.NOW && row.status().isActive()) {
            if (overridden) {
                from = row.quoteFromOverride();
                to = row.quoteToOverride();
            } else if (row.status() == WaitlistEntryStatus.OFFERED) {
                from = row.offeredAt();
                to = row.offeredAt();
            } else if (row.serviceId() != null) {
                Optional<WaitQuotes.Floor> floor = floors.computeIfAbsent(
                        row.organizationId() + ":" + row.serviceId(),
                        key -> quotes.floor(catalog.snapshot(row.organizationId()), row.serviceId(), now));
                if (floor.isPresent()) {
                    WaitEstimator.Quote quote =
                            quotes.quote(floor.get(), now, entries.sizesAhead(row), row.partySize());
                    from = quote.seatFrom();
                    to = quote.seatTo();
                }
            }
        }
        Integer ahead = found.ahead();
        return new WaitlistEntryView(
                row.id(),
                row.organizationId(),
                row.serviceId(),
                row.contactId(),
                found.contact(),
                row.partySize(),
                row.kind(),
                row.localDate(),
                row.windowStart() == null ? null : HH_MM.format(row.windowStart()),
                row.windowEnd() == null ? null : HH_MM.format(row.windowEnd()),
                row.notes(),
                row.tags(),
                row.source(),
                row.status(),
                ahead == null ? null : ahead + 1,
                ahead,
                from,
                to,
                overridden,
                row.reservationId(),
                row.offerReservationId(),
                row.offerStart(),
                row.offerExpiresAt(),
                row.createdAt(),
                row.offeredAt(),
                row.checkedInAt(),
                row.seatedAt(),
                row.cancelledAt(),
                row.declinedAt(),
                row.noShowAt(),
                row.expiredAt(),
                row.updatedAt());
    }

    private WaitlistEntryRow lock(UUID organizationId, UUID id) {
        return entries.lock(organizationId, id).orElseThrow(() -> notFound(id));
    }

    private UUID organizationOf(Caller caller, UUID id) {
        if (caller.isPlatform()) {
            return entries.organizationOf(id).orElseThrow(() -> notFound(id));
        }
        return caller.organizationId();
    }

    private static void requireWriter(Caller caller) {
        if (caller.role() == Role.READ_ONLY) {
            throw ReservaException.forbidden("A read_only key cannot change the waitlist");
        }
    }

    private static ReservaException alreadyWaiting() {
        return new ReservaException(
                ErrorCode.ALREADY_ON_WAITLIST,
                "This phone number is already on the waitlist; cancel that entry first",
                List.of(new FieldError("contact.phone", "is already on the waitlist")));
    }

    static ContactDetails detailsOf(NewReservation.InlineContact contact) {
        return new ContactDetails(contact.firstName(), contact.lastName(), contact.email(), contact.phone());
    }

    static ReservaException notFound(UUID id) {
        return ReservaException.notFound("Waitlist entry", id);
    }

    private static <E extends Enum<E> & io.reserva.shared.WireEnum> java.util.Set<String> wires(E[] values) {
        return Arrays.stream(values).map(io.reserva.shared.WireEnum::wire).collect(Collectors.toSet());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

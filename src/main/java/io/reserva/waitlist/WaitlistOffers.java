package io.reserva.waitlist;

import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearch;
import io.reserva.availability.SlotSearchResult;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogChanged;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationService;
import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationEvents.ReservationStatusChanged;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationSource;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers freed starts to {@code later} entries. When a reservation gives its place back (cancelled, no-show,
 * completed early, or a hold that lapsed or was let go), after that change commits, the waiting later entries of
 * the service's day are tried in order of joining: the first one with a bookable start inside its window (the
 * freed start first, then any other) gets that start held for it for {@link WaitlistProperties#offerMinutes()}.
 * One freed place, one offer: the search stops at the first hold.
 *
 * <p>The listener runs on the node that committed the change, once. Entries are locked one at a time in queue order
 * and read again once locked, so two freed places handled at once (on one node or two) offer to two different
 * entries, and neither is lost to an entry the other search was holding; the same order everywhere means no
 * deadlock. The hold is an ordinary held reservation
 * (source {@code waitlist}): the allocation constraint keeps it from ever double-booking, and the reservations'
 * hold sweeper lapses it, which brings the entry back here to be put back in the queue and the start passed on.
 */
@Component
class WaitlistOffers {

    private static final Logger log = LoggerFactory.getLogger(WaitlistOffers.class);

    /** How many waiting entries one freed place is tried against. */
    static final int CANDIDATES = 50;

    private final WaitlistRepository entries;
    private final WaitlistManagement management;
    private final ReservationManagement reservations;
    private final SlotFinder slots;
    private final Catalog catalog;
    private final WaitlistProperties properties;
    private final TransactionTemplate newTransaction;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    WaitlistOffers(
            WaitlistRepository entries,
            WaitlistManagement management,
            ReservationManagement reservations,
            SlotFinder slots,
            Catalog catalog,
            WaitlistProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.entries = entries;
        this.management = management;
        this.reservations = reservations;
        this.slots = slots;
        this.catalog = catalog;
        this.properties = properties;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void placeFreed(ReservationStatusChanged changed) {
        if (!freesItsPlace(changed.to())) {
            return;
        }
        ReservationView freed = changed.reservation();
        try {
            if (changed.from() == ReservationStatus.HELD && freed.source() == ReservationSource.WAITLIST) {
                newTransaction.executeWithoutResult(status -> withdrawLapsedOffer(freed));
            }
            offerFreedPlace(freed);
        } catch (RuntimeException e) {
            // The change that freed the place has committed; an offer that could not be made must not fail it.
            log.warn("No waitlist offer for the place reservation {} freed", freed.id(), e);
        }
    }

    private static boolean freesItsPlace(ReservationStatus to) {
        return to == ReservationStatus.CANCELLED
                || to == ReservationStatus.NO_SHOW
                || to == ReservationStatus.COMPLETED
                || to == ReservationStatus.EXPIRED;
    }

    /** A hold on offer that lapsed (or was cancelled elsewhere): the entry goes back to waiting. */
    private void withdrawLapsedOffer(ReservationView hold) {
        entries.lockByOffer(hold.organizationId(), hold.id())
                .filter(row -> row.status() == WaitlistEntryStatus.OFFERED)
                .ifPresent(row -> {
                    WaitlistEntry entry = new WaitlistEntry(row);
                    entry.withdrawOffer(now());
                    management.storeChange(entry, row);
                });
    }

    /**
     * A catalog change committed: new hours, an exception removed, a larger or new table, a combination. Any of
     * them may have added capacity, so every day with waiting later entries is searched again, and every entry a
     * start can now be held for gets one (capacity added may seat several parties, unlike one freed place).
     * Nothing is offered when the change added nothing: a hold is only made where the slot engine and the
     * allocation constraint allow it.
     */
    @EventListener
    void catalogChanged(CatalogChanged changed) {
        try {
            int offers = offerAddedCapacity(changed.organizationId());
            if (offers > 0) {
                log.debug("A catalog change of {} made {} waitlist offers", changed.organizationId(), offers);
            }
        } catch (RuntimeException e) {
            log.warn("No waitlist offers after the catalog change of {}", changed.organizationId(), e);
        }
    }

    /** Searches every (service, day) with waiting later entries from today on; returns the offers made. */
    int offerAddedCapacity(UUID organizationId) {
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        Instant now = now();
        // The earliest day any zone can still be in: days before it have passed everywhere.
        LocalDate from = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
        int offers = 0;
        for (WaitlistRepository.ServiceDay day : entries.waitingLaterDays(organizationId, from)) {
            ReservationService service = snapshot.service(day.serviceId())
                    .filter(ReservationService::isActive)
                    .orElse(null);
            if (service == null
                    || day.date()
                            .isBefore(now.atZone(ZoneId.of(service.timezone())).toLocalDate())) {
                continue;
            }
            offers += offerInDay(service, day.date(), null, false);
        }
        return offers;
    }

    /** Tries the service's waiting later entries of the freed start's day, in order; at most one gets an offer. */
    void offerFreedPlace(ReservationView freed) {
        ReservationService service = catalog.snapshot(freed.organizationId())
                .service(freed.serviceId())
                .orElse(null);
        if (service == null) {
            return;
        }
        LocalDate day =
                freed.startDatetime().atZone(ZoneId.of(service.timezone())).toLocalDate();
        if (offerInDay(service, day, freed.startDatetime(), true) > 0) {
            log.debug("Offered the place reservation {} freed to a waitlist entry", freed.id());
        }
    }

    /**
     * Tries the waiting later entries of the service's day in order of joining (each locked in turn, and skipped
     * when it no longer waits): each gets the first start inside its window it has not passed on that
     * can be held for it ({@code preferred} first). With {@code onlyOne}, the search stops at the first offer.
     */
    private int offerInDay(ReservationService service, LocalDate day, Instant preferred, boolean onlyOne) {
        UUID organizationId = service.organizationId();
        ZoneId zone = ZoneId.of(service.timezone());
        Caller system = new Caller(null, organizationId, Role.STAFF);
        Integer made = newTransaction.execute(status -> {
            Instant now = now();
            int offers = 0;
            Map<Integer, List<Instant>> startsBySize = new HashMap<>();
            for (WaitlistEntryRow candidate : entries.waitingLater(organizationId, service.id(), day, CANDIDATES)) {
                // Locked one by one in queue order, waiting for a search on another node that holds it (never
                // skipping it: a skipped entry could leave a freed place unoffered), then read again: that search
                // may have offered it something meanwhile.
                WaitlistEntryRow row = entries.lock(organizationId, candidate.id())
                        .filter(locked -> locked.status() == WaitlistEntryStatus.WAITING)
                        .orElse(null);
                if (row == null) {
                    continue;
                }
                List<Instant> starts = startsBySize.computeIfAbsent(
                        row.partySize(), size -> starts(system, service, day, size, preferred, now));
                Optional<ReservationView> held = Optional.empty();
                for (Instant start : starts) {
                    if (fitsWindow(row, start, zone) && !row.passedStarts().contains(start)) {
                        held = hold(system, service, row, start);
                        if (held.isPresent()) {
                            break;
                        }
                    }
                }
                if (held.isEmpty()) {
                    continue;
                }
                ReservationView hold = held.get();
                WaitlistEntry entry = new WaitlistEntry(row);
                entry.offer(hold.id(), hold.startDatetime(), hold.holdExpiresAt(), now);
                management.storeChange(entry, row);
                offers++;
                if (onlyOne) {
                    break;
                }
                // The start just held is taken: the next entry of this size looks again.
                startsBySize.remove(row.partySize());
            }
            return offers;
        });
        return made == null ? 0 : made;
    }

    /**
     * Holds the start for the entry's party, or empty when it cannot be booked for it (the party does not fit the
     * freed table, or someone took the start meanwhile). A savepoint keeps a refusal from spoiling the
     * transaction, so the next entry can still be tried.
     */
    private Optional<ReservationView> hold(
            Caller system, ReservationService service, WaitlistEntryRow row, Instant start) {
        try {
            return Optional.ofNullable(savepoint.execute(status -> reservations.createWithin(
                    system,
                    new NewReservation(
                            row.organizationId(),
                            service.id(),
                            row.contactId(),
                            null,
                            row.partySize(),
                            start,
                            ReservationStatus.HELD,
                            properties.offerMinutes(),
                            ReservationSource.WAITLIST,
                            row.notes(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))));
        } catch (ReservaException e) {
            log.debug("Start {} not held for waitlist entry {}: {}", start, row.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The starts of the day a party of this size can book now: the freed start first when it is still ahead
     * (the slots list may be a moment old), then the rest in order.
     */
    private List<Instant> starts(
            Caller system, ReservationService service, LocalDate day, int partySize, Instant preferred, Instant now) {
        List<Instant> starts = new ArrayList<>();
        if (preferred != null && preferred.isAfter(now)) {
            starts.add(preferred);
        }
        try {
            SlotSearchResult result = slots.find(
                    system, new SlotSearch(system.organizationId(), service.id(), day, day, partySize, null, true));
            for (SlotSearchResult.Slot slot : result.slots()) {
                if (slot.startDatetime().isAfter(now) && !starts.contains(slot.startDatetime())) {
                    starts.add(slot.startDatetime());
                }
            }
        } catch (ReservaException e) {
            log.debug("No slots for the waitlist on {}: {}", day, e.getMessage());
        }
        return starts;
    }

    /** Whether the start lies in the entry's desired window (its wall clock, both ends included). */
    static boolean fitsWindow(WaitlistEntryRow row, Instant start, ZoneId zone) {
        LocalTime local = start.atZone(zone).toLocalTime();
        return row.localDate().equals(start.atZone(zone).toLocalDate())
                && !local.isBefore(row.windowStart())
                && !local.isAfter(row.windowEnd());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

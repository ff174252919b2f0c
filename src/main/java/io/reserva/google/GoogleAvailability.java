package io.reserva.google;

import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearchResult;
import io.reserva.catalog.ReservationService;
import io.reserva.catalog.Seating;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Google's availability rows for a service, one per bookable start and party size, asked of the same engine
 * ({@link SlotFinder}) as the booking server's {@code BatchAvailabilityLookup}, so what the feed and the real-time
 * updates say is free is exactly what {@code CreateBooking} then books.
 */
@Component
class GoogleAvailability {

    /** Days per engine query: the engine's own limit for a range. */
    private static final int SPAN_DAYS = 62;

    /** One row of Google's availability: a start for one party size. */
    record Row(Instant start, long durationSec, int spotsOpen, int spotsTotal, int partySize) {}

    private final SlotFinder slots;
    private final GoogleFeedProperties properties;

    GoogleAvailability(SlotFinder slots, GoogleFeedProperties properties) {
        this.slots = slots;
        this.properties = properties;
    }

    /** The party sizes Google is told about: the service's limits, capped (a service without a maximum too). */
    List<Integer> partySizes(ReservationService service) {
        int largest = service.maxPartySize() == null
                ? properties.maxPartySize()
                : Math.min(service.maxPartySize(), properties.maxPartySize());
        List<Integer> sizes = new ArrayList<>();
        for (int size = Math.max(1, service.minPartySize()); size <= largest; size++) {
            sizes.add(size);
        }
        return sizes;
    }

    /**
     * Every bookable start from {@code first} to {@code last} (local dates of the service), per party size: one
     * engine pass per span of days for all the sizes, so the occupancies are read once, not once per size.
     */
    List<Row> rows(UUID organizationId, ReservationService service, LocalDate first, LocalDate last) {
        Caller venue = new Caller(null, organizationId, Role.STAFF);
        List<Integer> partySizes = partySizes(service);
        List<Row> rows = new ArrayList<>();
        if (partySizes.isEmpty()) {
            return rows;
        }
        int total = total(service);
        for (LocalDate from = first; !from.isAfter(last); from = from.plusDays(SPAN_DAYS)) {
            LocalDate to = from.plusDays(SPAN_DAYS - 1).isAfter(last) ? last : from.plusDays(SPAN_DAYS - 1);
            Map<Integer, SlotSearchResult> bySize =
                    slots.findForPartySizes(venue, organizationId, service.id(), from, to, partySizes);
            for (int partySize : partySizes) {
                long durationSec = service.durationFor(partySize) * 60L;
                for (SlotSearchResult.Day day : bySize.get(partySize).days()) {
                    for (SlotSearchResult.Slot slot : day.slots()) {
                        int open = slot.remainingCapacity() == null ? 1 : slot.remainingCapacity();
                        rows.add(new Row(slot.startDatetime(), durationSec, open, Math.max(open, total), partySize));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * What Google calls the slot's total: the parties (separate seating) or seats (shared) a start takes when
     * the service limits them; without a limit the engine only knows what is open, so total is what is open.
     */
    private static int total(ReservationService service) {
        Integer limit = service.seating() == Seating.SHARED ? service.maxParticipantsPerSlot() : service.slotCapacity();
        return limit == null ? 0 : limit;
    }
}

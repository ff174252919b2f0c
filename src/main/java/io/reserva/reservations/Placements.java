package io.reserva.reservations;

import io.reserva.availability.Allocation;
import io.reserva.availability.AllocationResult;
import io.reserva.availability.Occupancy;
import io.reserva.availability.Refusal;
import io.reserva.availability.SlotFinder;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationService;
import io.reserva.catalog.Seating;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Decides where a party goes, inside the booking's transaction: the engine's plan, the resources staff chose
 * (override), or for an override the engine refuses, no resource at all. Also words a refusal for the client.
 */
@Component
class Placements {

    static final int NEAREST_STARTS = 3;

    private final ReservationRepository reservations;
    private final SlotFinder slots;

    Placements(ReservationRepository reservations, SlotFinder slots) {
        this.reservations = reservations;
        this.slots = slots;
    }

    /** What a booking or a move asks for: the service, party, start, and what the client chose. */
    record Request(
            UUID serviceId,
            Instant start,
            int partySize,
            UUID preferredResourceId,
            UUID seatingPreference,
            List<UUID> chosenResources,
            boolean override,
            UUID movingReservationId,
            boolean afterConflict) {}

    /** The service of the request, or 422 when the organization has no such service. */
    static ReservationService serviceOf(CatalogSnapshot snapshot, UUID serviceId) {
        return snapshot.service(serviceId)
                .orElseThrow(
                        () -> ReservaException.invalidField("service_id", "is not a service of this organization"));
    }

    Placement place(CatalogSnapshot snapshot, Request request, Instant now) {
        ReservationService service = serviceOf(snapshot, request.serviceId());
        if (request.preferredResourceId() != null
                && snapshot.resource(request.preferredResourceId()).isEmpty()) {
            throw ReservaException.invalidField("preferred_resource_id", "is not a resource of this organization");
        }
        if (request.seatingPreference() != null
                && snapshot.area(request.seatingPreference()).isEmpty()) {
            // Another organization's area reads like one that does not exist.
            throw ReservaException.invalidField(
                    "seating_preference", "is not an area of this organization (see /reservation-areas)");
        }
        if (service.pacing() != null || !service.areaPacing().isEmpty()) {
            // Pacing, the service's and its areas', counts every party of the service's local day around this start
            // (its interval, and who is seated meanwhile), so bookings of one service and day take turns; always
            // before the start's lock.
            boolean seatedLimit = (service.pacing() != null && service.pacing().maxSeatedCovers() != null)
                    || service.areaPacing().stream().anyMatch(area -> area.maxSeatedCovers() != null);
            Duration stay = Duration.ofMinutes(service.durationFor(request.partySize()));
            for (Instant dayStart : pacingDays(ZoneId.of(service.timezone()), request.start(), stay, seatedLimit)) {
                reservations.lockSlot(service.organizationId(), service.id(), dayStart);
            }
        }
        // After a lost race the bookings of one start take turns: planned again all at once, each would pick the
        // same next free unit and lose again, and a resource with many free units would refuse a few of them.
        if (service.slotCapacity() != null || service.seating() == Seating.SHARED || request.afterConflict()) {
            reservations.lockSlot(service.organizationId(), service.id(), request.start());
        }
        if (request.override()
                && request.chosenResources() != null
                && !request.chosenResources().isEmpty()) {
            Placement chosen = chosenByStaff(snapshot, service, request, now);
            return chosen.preferenceMet(metBy(snapshot, chosen.units(), request.seatingPreference()));
        }
        AllocationResult result = slots.plan(
                snapshot,
                service,
                request.start(),
                request.partySize(),
                request.preferredResourceId(),
                request.seatingPreference(),
                request.movingReservationId(),
                !request.override());
        if (result instanceof Allocation allocation) {
            return Placement.of(service, request.partySize(), allocation);
        }
        if (request.override()) {
            // Outside hours or capacity, with no resource chosen: booked without holding a resource.
            return Placement.unassigned(service, request.start(), request.partySize())
                    .preferenceMet(request.seatingPreference() == null ? null : false);
        }
        throw refusal((Refusal) result, snapshot, service, request);
    }

    /**
     * The engine's rule for tables staff chose by hand: met when every resource held stands in the preferred area
     * (and there is at least one).
     */
    private static Boolean metBy(CatalogSnapshot snapshot, List<AllocationRow> units, UUID area) {
        if (area == null) {
            return null;
        }
        return !units.isEmpty()
                && units.stream()
                        .allMatch(unit -> snapshot.resource(unit.resourceId())
                                .map(resource -> area.equals(resource.areaId()))
                                .orElse(false));
    }

    /**
     * The local days whose pacing lock a booking takes, earliest first (one order for every booking, so two never
     * wait on each other crosswise). The start's day always; with a limit on guests seated at once, also every
     * further day the stay reaches: two stays that overlap share a moment, hence that moment's day, hence a lock,
     * so a late stay and an early one of the next day cannot both take the last seats across midnight.
     */
    static List<Instant> pacingDays(ZoneId zone, Instant start, Duration stay, boolean seatedLimit) {
        LocalDate first = start.atZone(zone).toLocalDate();
        LocalDate last =
                seatedLimit ? start.plus(stay).minusNanos(1).atZone(zone).toLocalDate() : first;
        List<Instant> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day.atStartOfDay(zone).toInstant());
        }
        return days;
    }

    /** 409 slot_unavailable with the nearest starts that are free now. */
    ReservaException slotUnavailable(
            CatalogSnapshot snapshot, ReservationService service, int partySize, Instant start, String why) {
        List<Instant> nearest = slots.nearestStarts(snapshot, service, partySize, start, NEAREST_STARTS);
        return new ReservaException(
                ErrorCode.SLOT_UNAVAILABLE,
                "This start cannot be booked (" + why.toLowerCase(Locale.ROOT) + ")"
                        + (nearest.isEmpty() ? "" : "; the nearest free starts are listed in nearest_available_starts"),
                List.of(),
                Map.of(
                        "nearest_available_starts",
                        nearest.stream().map(Instant::toString).toList()));
    }

    private ReservaException refusal(
            Refusal refusal, CatalogSnapshot snapshot, ReservationService service, Request request) {
        return switch (refusal.reason()) {
            case PARTY_TOO_LARGE ->
                ReservaException.invalidField(
                        "party_size", "is larger than this service takes" + largest(service, request.partySize()));
            case PARTY_TOO_SMALL -> ReservaException.invalidField("party_size", "is smaller than this service takes");
            case SERVICE_INACTIVE -> ReservaException.invalidField("service_id", "is not active");
            case PACING_LIMIT -> {
                List<Instant> nearest =
                        slots.nearestStarts(snapshot, service, request.partySize(), request.start(), NEAREST_STARTS);
                yield new ReservaException(
                        ErrorCode.PACING_LIMIT,
                        "The pacing is full at this start: another booking took the last covers or parties of its"
                                + " interval, for the service or for every area that could seat the party (staff may"
                                + " override)",
                        List.of(),
                        Map.of(
                                "nearest_available_starts",
                                nearest.stream().map(Instant::toString).toList()));
            }
            default ->
                slotUnavailable(
                        snapshot,
                        service,
                        request.partySize(),
                        request.start(),
                        refusal.reason().name());
        };
    }

    /**
     * The largest party the service's own limits take, when they are what refused it (resources too small for
     * the party are another matter: a smaller party may still fail elsewhere).
     */
    private static String largest(ReservationService service, int partySize) {
        Integer largest = service.maxPartySize();
        if (service.seating() == Seating.SHARED && service.maxParticipantsPerSlot() != null) {
            largest = largest == null
                    ? service.maxParticipantsPerSlot()
                    : Math.min(largest, service.maxParticipantsPerSlot());
        }
        return largest == null || partySize <= largest ? "" : " (at most " + largest + ")";
    }

    /** Staff chose the resources: the first free unit of each, still refused by the constraint if taken. */
    private Placement chosenByStaff(
            CatalogSnapshot snapshot, ReservationService service, Request request, Instant now) {
        Placement times = Placement.unassigned(service, request.start(), request.partySize());
        List<Occupancy> occupying =
                reservations.occupancies(service.organizationId(), times.occupiedFrom(), times.occupiedUntil(), now);
        List<AllocationRow> units = new ArrayList<>();
        for (UUID resourceId : new LinkedHashSet<>(request.chosenResources())) {
            ReservationResource resource = snapshot.resource(resourceId)
                    .orElseThrow(() -> ReservaException.invalidField(
                            "assigned_resources", resourceId + " is not a resource of this organization"));
            Set<Integer> busy = occupying.stream()
                    .filter(o -> resourceId.equals(o.resourceId())
                            && !o.reservationId().equals(request.movingReservationId()))
                    .filter(o -> o.occupiedFrom().isBefore(times.occupiedUntil())
                            && times.occupiedFrom().isBefore(o.occupiedUntil()))
                    .map(Occupancy::unitIndex)
                    .collect(Collectors.toSet());
            int unit = 0;
            while (busy.contains(unit)) {
                unit++;
            }
            if (unit >= resource.units()) {
                throw new SlotTakenException();
            }
            units.add(
                    new AllocationRow(null, resourceId, unit, "override", times.occupiedFrom(), times.occupiedUntil()));
        }
        return times.holding(units);
    }
}

package io.reserva.availability;

import io.reserva.catalog.AssignmentMode;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationService;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Answers "when can this party come?" for the API, the booking pages and the assistants, with the same engine
 * the booking path uses: the catalogue (cached per organization) and the occupying reservations go in, slots
 * come out.
 */
@Service
public class SlotFinder {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Catalog catalog;
    private final AvailabilityEngine engine;
    private final ObjectProvider<OccupancySource> occupancies;
    private final PreparedSchedules schedules = new PreparedSchedules();

    SlotFinder(Catalog catalog, Clock clock, ObjectProvider<OccupancySource> occupancies) {
        this.catalog = catalog;
        this.engine = new AvailabilityEngine(clock);
        this.occupancies = occupancies;
    }

    /**
     * Where a party would go at {@code start}: the same engine and occupancies as {@link #find}, on the catalog
     * snapshot the caller already holds for this request, so a start is allocatable exactly when it is listed. The
     * reservation being moved (if any) is left out of the occupancies, so it does not block its own new place.
     */
    public AllocationResult plan(
            CatalogSnapshot snapshot,
            ReservationService service,
            Instant start,
            int partySize,
            UUID preferredResourceId,
            UUID movingReservationId) {
        return plan(snapshot, service, start, partySize, preferredResourceId, movingReservationId, true);
    }

    /**
     * The same, with {@code paced} false for a staff override, which may exceed the service's and its areas' pacing (it still
     * needs free resources, and the exclusion constraint still applies).
     */
    public AllocationResult plan(
            CatalogSnapshot snapshot,
            ReservationService service,
            Instant start,
            int partySize,
            UUID preferredResourceId,
            UUID movingReservationId,
            boolean paced) {
        return plan(snapshot, service, start, partySize, preferredResourceId, null, movingReservationId, paced);
    }

    /**
     * The same with the guest's seating preference (an area): tried first, never a reason to refuse; the
     * allocation says whether it was met, exactly as the slots endpoint asked for that area lists the start.
     */
    public AllocationResult plan(
            CatalogSnapshot snapshot,
            ReservationService service,
            Instant start,
            int partySize,
            UUID preferredResourceId,
            UUID preferredAreaId,
            UUID movingReservationId,
            boolean paced) {
        UUID organizationId = service.organizationId();
        UUID serviceId = service.id();
        // What can matter to one start: what overlaps the time it would occupy (buffers included), and for a
        // service that picks among resources (any_available), the whole local day, whose load ranks the
        // candidates. Reading no more than that keeps the booking path's read small on busy calendars.
        ServiceRules rules = ScheduleAssembler.rules(service);
        Instant from = start.minus(rules.bufferBefore());
        Instant to = start.plus(rules.longestDuration()).plus(rules.bufferAfter());
        boolean ranksByLoad = snapshot.linksOf(serviceId).stream()
                .anyMatch(link -> link.assignmentMode() == AssignmentMode.ANY_AVAILABLE);
        // Pacing counts the parties starting anywhere in the start's interval, which lies within its local day.
        boolean countsPacing =
                paced && (service.pacing() != null || !service.areaPacing().isEmpty());
        if (ranksByLoad || countsPacing) {
            ZoneId zone = rules.zone();
            LocalDate day = start.atZone(zone).toLocalDate();
            Instant dayStart = day.atStartOfDay(zone).toInstant();
            Instant dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant();
            from = from.isBefore(dayStart) ? from : dayStart;
            to = to.isAfter(dayEnd) ? to : dayEnd;
        }
        List<Occupancy> occupying = fresh(organizationId, from, to).stream()
                .filter(row -> !row.reservationId().equals(movingReservationId))
                .toList();
        ScheduleSnapshot schedule = schedules.of(snapshot, service).withOccupancies(occupying);
        if (!paced) {
            schedule = schedule.unpaced();
        }
        return engine.allocate(new BookingRequest(schedule, start, partySize, preferredResourceId, preferredAreaId));
    }

    /** Up to {@code count} bookable starts nearest to {@code around}, on its local day and the next. */
    public List<Instant> nearestStarts(
            CatalogSnapshot snapshot, ReservationService service, int partySize, Instant around, int count) {
        UUID organizationId = service.organizationId();
        ZoneId zone = ZoneId.of(service.timezone());
        LocalDate day = around.atZone(zone).toLocalDate();
        ScheduleSnapshot schedule = schedules
                .of(snapshot, service)
                .withOccupancies(occupancies(
                        organizationId,
                        day.minusDays(1).atStartOfDay(zone).toInstant(),
                        day.plusDays(3).atStartOfDay(zone).toInstant()));
        return engine.slotsForRange(new SlotQuery(schedule, partySize, null), day, day.plusDays(1)).stream()
                .flatMap(d -> d.slots().stream())
                .map(AvailableSlot::start)
                .sorted(java.util.Comparator.comparing((Instant start) ->
                        java.time.Duration.between(around, start).abs()))
                .limit(count)
                .sorted()
                .toList();
    }

    private List<Occupancy> fresh(UUID organizationId, Instant from, Instant to) {
        return occupancies.stream()
                .flatMap(source -> source.between(organizationId, from, to).stream())
                .toList();
    }

    private List<Occupancy> occupancies(UUID organizationId, Instant from, Instant to) {
        return occupancies.stream()
                .flatMap(source -> source.recent(organizationId, from, to).stream())
                .toList();
    }

    public SlotSearchResult find(Caller caller, SlotSearch search) {
        UUID organizationId = caller.organizationFor(search.organizationId());
        if (search.endDate().isBefore(search.startDate())) {
            throw invalid("end_date", "must not be before start_date");
        }
        if (ChronoUnit.DAYS.between(search.startDate(), search.endDate()) + 1 > AvailabilityEngine.MAX_RANGE_DAYS) {
            throw invalid("end_date", "a range covers at most " + AvailabilityEngine.MAX_RANGE_DAYS + " days");
        }
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        ReservationService service = snapshot.service(search.serviceId())
                .orElseThrow(() -> ReservaException.notFound("Reservation service", search.serviceId()));
        if (search.resourceId() != null
                && snapshot.resource(search.resourceId()).isEmpty()) {
            throw ReservaException.notFound("Reservation resource", search.resourceId());
        }
        if (search.areaId() != null && snapshot.area(search.areaId()).isEmpty()) {
            throw ReservaException.notFound("Reservation area", search.areaId());
        }
        ZoneId zone = ZoneId.of(service.timezone());
        // Windows of the day before can run past midnight, and buffers reach either side: load a margin.
        List<Occupancy> occupying = occupancies(
                organizationId,
                search.startDate().minusDays(1).atStartOfDay(zone).toInstant(),
                search.endDate().plusDays(2).atStartOfDay(zone).toInstant());
        // Only the occupancies are read per request; the rest is prepared once per catalog snapshot.
        ScheduleSnapshot schedule = schedules.of(snapshot, service).withOccupancies(occupying);
        List<DayAvailability> days = engine.slotsForRange(
                new SlotQuery(schedule, search.partySize(), search.resourceId(), search.areaId()),
                search.startDate(),
                search.endDate());
        Map<UUID, ReservationResource> resources = schedules.resourcesById(snapshot);
        List<SlotSearchResult.Day> views =
                days.stream().map(day -> view(day, zone, resources)).toList();
        return search.singleDate()
                ? SlotSearchResult.singleDay(
                        organizationId,
                        service.id(),
                        service.timezone(),
                        search.partySize(),
                        search.resourceId(),
                        search.areaId(),
                        views.get(0))
                : SlotSearchResult.range(
                        organizationId,
                        service.id(),
                        service.timezone(),
                        search.partySize(),
                        search.resourceId(),
                        search.areaId(),
                        views);
    }

    /**
     * {@link #find} for the whole floor and several party sizes of one service at once: the catalog and the
     * occupancies are read once and the engine's index is built once, then each size is evaluated (Google's feeds
     * and batch lookups ask every size of a merchant's service). One answer per distinct size, in the order given.
     */
    public Map<Integer, SlotSearchResult> findForPartySizes(
            Caller caller,
            UUID organizationId,
            UUID serviceId,
            LocalDate startDate,
            LocalDate endDate,
            Collection<Integer> partySizes) {
        UUID organization = caller.organizationFor(organizationId);
        if (endDate.isBefore(startDate)) {
            throw invalid("end_date", "must not be before start_date");
        }
        if (ChronoUnit.DAYS.between(startDate, endDate) + 1 > AvailabilityEngine.MAX_RANGE_DAYS) {
            throw invalid("end_date", "a range covers at most " + AvailabilityEngine.MAX_RANGE_DAYS + " days");
        }
        for (int partySize : partySizes) {
            if (partySize < 1) {
                throw invalid("party_size", "must be at least 1");
            }
        }
        CatalogSnapshot snapshot = catalog.snapshot(organization);
        ReservationService service = snapshot.service(serviceId)
                .orElseThrow(() -> ReservaException.notFound("Reservation service", serviceId));
        ZoneId zone = ZoneId.of(service.timezone());
        List<Occupancy> occupying = occupancies(
                organization,
                startDate.minusDays(1).atStartOfDay(zone).toInstant(),
                endDate.plusDays(2).atStartOfDay(zone).toInstant());
        ScheduleSnapshot schedule = schedules.of(snapshot, service).withOccupancies(occupying);
        Map<UUID, ReservationResource> resources = schedules.resourcesById(snapshot);
        Map<Integer, SlotSearchResult> answer = new LinkedHashMap<>();
        engine.slotsForPartySizes(schedule, partySizes, startDate, endDate)
                .forEach((partySize, days) -> answer.put(
                        partySize,
                        SlotSearchResult.range(
                                organization,
                                service.id(),
                                service.timezone(),
                                partySize,
                                null,
                                null,
                                days.stream()
                                        .map(day -> view(day, zone, resources))
                                        .toList())));
        return answer;
    }

    private static SlotSearchResult.Day view(
            DayAvailability day, ZoneId zone, Map<UUID, ReservationResource> resources) {
        return new SlotSearchResult.Day(
                day.date(),
                day.bookable(),
                day.reason() == null ? null : day.reason().code(),
                day.slots().stream()
                        .map(slot -> new SlotSearchResult.Slot(
                                slot.start(),
                                slot.end(),
                                LOCAL_TIME.format(slot.start().atZone(zone)),
                                slot.remainingCapacity(),
                                slot.resourceIds().stream()
                                        .map(resources::get)
                                        .map(r -> new SlotSearchResult.SlotResource(r.id(), r.name(), r.resourceType()))
                                        .toList()))
                        .toList());
    }

    private static ReservaException invalid(String field, String message) {
        return new ReservaException(
                ErrorCode.INVALID_QUERY, field + " " + message, List.of(new FieldError(field, message)));
    }
}

package io.reserva.availability;

import io.reserva.catalog.AvailabilityWindow;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationService;
import io.reserva.catalog.ResourceException;
import io.reserva.catalog.ServicePacing;
import io.reserva.catalog.ServiceResourceLink;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Translates the catalogue's rows into the engine's immutable inputs for one service. */
final class ScheduleAssembler {

    private ScheduleAssembler() {}

    static ScheduleSnapshot assemble(CatalogSnapshot catalog, ReservationService service, List<Occupancy> occupancies) {
        Map<UUID, ReservationResource> resources =
                catalog.resources().stream().collect(Collectors.toMap(ReservationResource::id, Function.identity()));
        List<ResourceLink> links = new ArrayList<>();
        for (ServiceResourceLink link : catalog.linksOf(service.id())) {
            ReservationResource resource = resources.get(link.resourceId());
            if (resource == null) {
                continue;
            }
            links.add(
                    switch (link.assignmentMode()) {
                        case REQUIRED ->
                            new ResourceLink(AssignmentMode.REQUIRED, resource.id(), null, link.quantity());
                        case OPTIONAL ->
                            new ResourceLink(AssignmentMode.OPTIONAL, resource.id(), null, link.quantity());
                        // The linked resource stands for its type: any active resource of that type may serve.
                        case ANY_AVAILABLE ->
                            new ResourceLink(
                                    AssignmentMode.ANY_AVAILABLE, null, resource.resourceType(), link.quantity());
                    });
        }
        Map<UUID, OpeningHours> areaHours = areaHoursOf(catalog);
        List<Resource> engineResources = catalog.resources().stream()
                .map(resource -> new Resource(
                        resource.id(),
                        resource.name(),
                        resource.resourceType(),
                        resource.capacity(),
                        resource.minPartySize(),
                        resource.units(),
                        resource.isActive(),
                        hoursOf(catalog, resource.id(), ZoneId.of(resource.timezone())),
                        resource.areaId(),
                        resource.areaId() == null ? null : areaHours.get(resource.areaId())))
                .toList();
        return new ScheduleSnapshot(
                rules(service),
                links,
                engineResources,
                hoursOf(catalog, null, ZoneId.of(catalog.organizationTimezone())),
                occupancies,
                catalog.combinations().stream()
                        .map(combination -> new Combination(
                                combination.id(),
                                combination.name(),
                                combination.resourceIds(),
                                combination.minPartySize(),
                                combination.maxPartySize()))
                        .toList(),
                pacing(service),
                service.areaPacing().stream()
                        .map(area -> new AreaPacing(
                                area.areaId(),
                                new Pacing(
                                        area.intervalMinutes(),
                                        area.maxCovers(),
                                        area.maxParties(),
                                        area.maxSeatedCovers())))
                        .toList());
    }

    static Pacing pacing(ReservationService service) {
        ServicePacing pacing = service.pacing();
        return pacing == null
                ? null
                : new Pacing(
                        pacing.intervalMinutes(), pacing.maxCovers(), pacing.maxParties(), pacing.maxSeatedCovers());
    }

    static ServiceRules rules(ReservationService service) {
        return new ServiceRules(
                service.id(),
                ZoneId.of(service.timezone()),
                service.isActive(),
                service.durationMinutes(),
                service.bufferBeforeMinutes(),
                service.bufferAfterMinutes(),
                service.slotInterval(),
                service.slotCapacity(),
                service.minPartySize(),
                service.maxPartySize(),
                service.durationsByPartySize().stream()
                        .map(turn -> new PartySizeDuration(turn.maxPartySize(), turn.durationMinutes()))
                        .toList(),
                Seating.valueOf(service.seating().name()),
                service.maxParticipantsPerSlot(),
                service.maxAdvanceDays(),
                service.minAdvanceHours());
    }

    /** The weekly hours and exceptions of one owner: a resource, or (null) the organization. */
    static OpeningHours hoursOf(CatalogSnapshot catalog, UUID owner, ZoneId zone) {
        return hoursOf(catalog, owner, null, zone);
    }

    /**
     * The hours of each area that keeps any (weekly windows or exceptions), read in the organization's zone; an
     * area without rows of its own adds no constraint and is left out.
     */
    static Map<UUID, OpeningHours> areaHoursOf(CatalogSnapshot catalog) {
        Set<UUID> keeping = new HashSet<>();
        catalog.weeklyHours().stream()
                .map(AvailabilityWindow::areaId)
                .filter(Objects::nonNull)
                .forEach(keeping::add);
        catalog.exceptions().stream()
                .map(ResourceException::areaId)
                .filter(Objects::nonNull)
                .forEach(keeping::add);
        if (keeping.isEmpty()) {
            return Map.of();
        }
        ZoneId zone = ZoneId.of(catalog.organizationTimezone());
        Map<UUID, OpeningHours> hours = new HashMap<>();
        for (UUID area : keeping) {
            hours.put(area, hoursOf(catalog, null, area, zone));
        }
        return hours;
    }

    private static OpeningHours hoursOf(CatalogSnapshot catalog, UUID resourceId, UUID areaId, ZoneId zone) {
        List<WeeklyWindow> weekly = catalog.weeklyHours().stream()
                .filter(window ->
                        Objects.equals(window.resourceId(), resourceId) && Objects.equals(window.areaId(), areaId))
                .map(window -> new WeeklyWindow(window.dayOfWeek(), window.startTime(), window.endTime()))
                .toList();
        List<HoursException> exceptions = catalog.exceptions().stream()
                .filter(exception -> Objects.equals(exception.resourceId(), resourceId)
                        && Objects.equals(exception.areaId(), areaId))
                .map(exception -> new HoursException(
                        exception.date(),
                        ExceptionType.valueOf(exception.exceptionType().name()),
                        exception.startTime(),
                        exception.endTime(),
                        exception.isRecurringYearly()))
                .toList();
        return new OpeningHours(zone, weekly, exceptions);
    }
}

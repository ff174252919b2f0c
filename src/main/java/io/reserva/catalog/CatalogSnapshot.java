package io.reserva.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything one organization offers, as it was at one moment: every service and resource (active or not), the
 * links between them, the weekly hours (the organization's business hours have no resource_id) and every
 * exception. Immutable, so the slot engine can use it as a pure input.
 */
public record CatalogSnapshot(
        UUID organizationId,
        String organizationTimezone,
        List<ReservationService> services,
        List<ReservationResource> resources,
        List<ServiceResourceLink> links,
        List<AvailabilityWindow> weeklyHours,
        List<ResourceException> exceptions,
        List<ResourceCombination> combinations,
        List<ReservationArea> areas) {

    public CatalogSnapshot {
        services = List.copyOf(services);
        resources = List.copyOf(resources);
        links = List.copyOf(links);
        weeklyHours = List.copyOf(weeklyHours);
        exceptions = List.copyOf(exceptions);
        combinations = List.copyOf(combinations);
        areas = List.copyOf(areas);
    }

    public Optional<ReservationArea> area(UUID id) {
        return areas.stream().filter(area -> area.id().equals(id)).findFirst();
    }

    public Optional<ReservationService> service(UUID id) {
        return services.stream().filter(service -> service.id().equals(id)).findFirst();
    }

    public Optional<ReservationResource> resource(UUID id) {
        return resources.stream().filter(resource -> resource.id().equals(id)).findFirst();
    }

    public List<ServiceResourceLink> linksOf(UUID serviceId) {
        return links.stream().filter(link -> link.serviceId().equals(serviceId)).toList();
    }
}

package io.reserva.catalog;

import io.reserva.shared.ReservaException;
import io.reserva.tenancy.OrganizationManagement;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks the owner a client names for hours or an exception and keeps it for the transaction: the resource or
 * area (which must be this organization's) is share-locked, so it cannot be deleted under the write.
 */
@Component
class HoursOwners {

    private final ResourceRepository resources;
    private final AreaRepository areas;
    private final OrganizationManagement organizations;

    HoursOwners(ResourceRepository resources, AreaRepository areas, OrganizationManagement organizations) {
        this.resources = resources;
        this.areas = areas;
        this.organizations = organizations;
    }

    HoursOwner lock(UUID organizationId, UUID resourceId, UUID areaId) {
        if (resourceId != null && areaId != null) {
            throw ReservaException.invalidField(
                    "area_id",
                    "must be left out (or null) when resource_id is given: hours belong to one resource, one area"
                            + " or the whole organization");
        }
        if (resourceId != null) {
            resources
                    .lock(organizationId, resourceId, false)
                    .orElseThrow(() -> ReservaException.notFound("Reservation resource", resourceId));
        } else if (areaId != null) {
            areas.lock(organizationId, areaId, false)
                    .orElseThrow(() -> ReservaException.notFound("Reservation area", areaId));
        } else if (organizations.find(organizationId).isEmpty()) {
            throw ReservaException.notFound("Organization", organizationId);
        }
        return new HoursOwner(organizationId, resourceId, areaId);
    }
}

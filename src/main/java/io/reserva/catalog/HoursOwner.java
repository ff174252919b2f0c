package io.reserva.catalog;

import java.util.UUID;

/**
 * Whose weekly hours or exceptions a row is: a resource's, an area's, or, with neither, the organization's.
 *
 * @param resourceId the resource; null for an area or the organization
 * @param areaId the area; null for a resource or the organization
 */
record HoursOwner(UUID organizationId, UUID resourceId, UUID areaId) {

    /** Matches the rows of this owner, with the parameters {@code :resource} and {@code :area}. */
    static final String ROWS = "resource_id is not distinct from cast(:resource as uuid)"
            + " and area_id is not distinct from cast(:area as uuid)";

    HoursOwner {
        if (resourceId != null && areaId != null) {
            throw new IllegalArgumentException("hours belong to a resource or an area, not both");
        }
    }

    /** The key of the advisory lock that serializes the writers of this owner's week. */
    String lockKey() {
        String owner = resourceId != null ? resourceId.toString() : areaId != null ? "area:" + areaId : "business";
        return "reserva.catalog.week:" + organizationId + ":" + owner;
    }
}

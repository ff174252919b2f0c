package io.reserva.availability;

import java.util.Objects;
import java.util.UUID;

/**
 * How a service uses a resource: a named resource (required or optional) or any resource of a type.
 *
 * @param quantity units of the resource (required, optional) or distinct resources of the type (any available)
 */
public record ResourceLink(AssignmentMode mode, UUID resourceId, String resourceType, int quantity) {

    public ResourceLink {
        Objects.requireNonNull(mode, "mode");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
        if (mode == AssignmentMode.ANY_AVAILABLE) {
            Objects.requireNonNull(resourceType, "an any_available link names a resource type");
        } else {
            Objects.requireNonNull(resourceId, "a required or optional link names a resource");
        }
    }

    public static ResourceLink required(UUID resourceId) {
        return new ResourceLink(AssignmentMode.REQUIRED, resourceId, null, 1);
    }

    public static ResourceLink optional(UUID resourceId) {
        return new ResourceLink(AssignmentMode.OPTIONAL, resourceId, null, 1);
    }

    public static ResourceLink anyAvailable(String resourceType) {
        return new ResourceLink(AssignmentMode.ANY_AVAILABLE, null, resourceType, 1);
    }

    public ResourceLink times(int newQuantity) {
        return new ResourceLink(mode, resourceId, resourceType, newQuantity);
    }
}

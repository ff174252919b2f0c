package io.reserva.bookingpages;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A public booking page of an organization, at {@code /b/{organization_id}/{slug}}. */
public record BookingLink(
        @Schema(example = "0192f3c4-7777-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Dinner page") String name,

        @Schema(description = "Unique in the organization: lowercase letters, digits and hyphens", example = "dinner")
        String slug,

        @Schema(example = "single_service") BookingLinkMode mode,

        @Schema(description = "The service of a single_service link")
        UUID serviceId,

        @Schema(description = "An inactive link answers 404 to guests", example = "true")
        boolean isActive,

        @Schema(
                description = "The areas of the floor guests may choose from on the page, in the order it lists them;"
                        + " empty: the page offers no choice. An area deleted later drops out of the list.",
                example = "[\"0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b\"]")
        List<UUID> areaIds,

        PageConfig pageConfig,

        @Schema(description = "Where guests book", example = "/b/0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b/dinner")
        String pagePath,

        @Schema(example = "2027-01-15T10:00:00Z") Instant createdAt,
        @Schema(example = "2027-01-15T10:00:00Z") Instant updatedAt) {

    public BookingLink {
        areaIds = areaIds == null ? List.of() : List.copyOf(areaIds);
    }

    static String pathOf(UUID organizationId, String slug) {
        return "/b/" + organizationId + "/" + slug;
    }
}

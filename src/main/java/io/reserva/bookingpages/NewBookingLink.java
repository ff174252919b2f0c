package io.reserva.bookingpages;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** What a client sends to create a booking link. */
public record NewBookingLink(
        @Schema(description = "Left out: the API key's own organization")
        UUID organizationId,

        @Schema(description = "1 to 200 characters", example = "Dinner page")
        String name,

        @Schema(description = "1 to 100 lowercase letters, digits and single hyphens", example = "dinner")
        String slug,

        @Schema(description = "Default all_services", example = "single_service")
        BookingLinkMode mode,

        @Schema(description = "Required for single_service") UUID serviceId,

        @Schema(description = "Default true") Boolean isActive,

        @Schema(
                description = "Areas of the organization (/reservation-areas) the guest may choose from, in the order"
                        + " the page lists them, without repeats; left out or empty: no choice is offered",
                example = "[\"0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b\", \"0192f3c4-6666-7f80-9a1b-2c3d4e5f6a7b\"]")
        List<UUID> areaIds,

        PageConfig pageConfig) {}

package io.reserva.bookingpages;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** A PATCH of a booking link: fields left out are kept; a page_config sent replaces the whole config. */
public record BookingLinkChanges(
        @Schema(example = "Dinner page") String name,
        @Schema(example = "dinner") String slug,
        @Schema(example = "selected_services") BookingLinkMode mode,
        UUID serviceId,
        Boolean isActive,

        @Schema(
                description = "Replaces the areas offered; null or empty: no choice is offered",
                example = "[\"0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b\"]")
        List<UUID> areaIds,

        PageConfig pageConfig) {}

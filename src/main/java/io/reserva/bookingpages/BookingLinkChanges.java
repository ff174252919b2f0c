package io.reserva.bookingpages;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A PATCH of a booking link: fields left out are kept; a page_config sent replaces the whole config. */
public record BookingLinkChanges(
        @Schema(example = "Dinner page") String name,
        @Schema(example = "dinner") String slug,
        @Schema(example = "selected_services") BookingLinkMode mode,
        UUID serviceId,
        Boolean isActive,
        PageConfig pageConfig) {}

package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.UUID;

/** What a client sends to create an area of the floor. */
public record NewReservationArea(
        @Schema(description = "May be left out with an organization's key")
        UUID organizationId,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Terrace")
        String name,

        @Schema(example = "Outdoor seating under the awning")
        String description) {}

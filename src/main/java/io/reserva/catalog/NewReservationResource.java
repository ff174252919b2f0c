package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.UUID;

/** What a client sends to create a resource. */
public record NewReservationResource(
        @Schema(description = "May be left out with an organization's key")
        UUID organizationId,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Table 4")
        String name,

        @Schema(example = "By the window") String description,

        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                description = "person, room, table, equipment, or a lowercase type of your own ([a-z][a-z0-9_]*)",
                example = "table")
        String resourceType,

        @Schema(description = "At least 1; null when it does not apply", example = "4")
        Integer capacity,

        @Schema(description = "At least 1 and at most capacity; null means any", example = "3")
        Integer minPartySize,

        @Schema(description = "1 to 1000; default 1", example = "1")
        Integer units,

        @Schema(description = "For people: the staff member")
        UUID userId,

        @Schema(description = "IANA time zone; default: the organization's", example = "Europe/Madrid")
        String timezone,

        @Schema(description = "Default true", example = "true")
        Boolean isActive,

        @Schema(
                description = "An area of the organization (see /reservation-areas); default none",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId) {}

package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;
import java.util.UUID;

/** What a client sends to define a table combination. */
public record NewResourceCombination(
        @Schema(description = "May be left out with an organization's key")
        UUID organizationId,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Tables 4 + 5")
        String name,

        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                description = "2 to 20 distinct tables (resource_type table) of the organization",
                example = "[\"0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b\", \"0192f3c4-2223-7f80-9a1b-2c3d4e5f6a7b\"]")
        List<UUID> resourceIds,

        @Schema(description = "Default 1", example = "5") Integer minPartySize,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "8")
        Integer maxPartySize) {}

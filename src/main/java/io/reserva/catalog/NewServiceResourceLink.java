package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.UUID;

/** What a client sends to link a resource to a service. */
public record NewServiceResourceLink(
        @Schema(description = "May be left out with an organization's key")
        UUID organizationId,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID serviceId,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(description = "Default required", example = "any_available")
        AssignmentMode assignmentMode,

        @Schema(
                description = "At least 1, default 1; for required and optional at most the resource's units",
                example = "1")
        Integer quantity) {}

package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * A resource a service needs. With {@code any_available} the resource stands for its resource_type: any active
 * resource of that type may be used, and {@code quantity} says how many of them.
 */
public record ServiceResourceLink(
        @Schema(example = "0192f3c4-3333-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID serviceId,

        @Schema(example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(example = "any_available") AssignmentMode assignmentMode,

        @Schema(
                description = "Units of the resource (required, optional) or resources of its type (any_available)",
                example = "1")
        int quantity,

        Instant createdAt,
        Instant updatedAt) {}

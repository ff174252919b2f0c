package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a PATCH of a link may change; to link another service or resource, create a new link. */
public record ServiceResourceLinkChanges(
        @Schema(example = "required") AssignmentMode assignmentMode,
        @Schema(example = "2") Integer quantity) {}

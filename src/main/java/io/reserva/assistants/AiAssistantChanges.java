package io.reserva.assistants;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** A PATCH of an assistant; fields left out are kept. Enabling and disabling tools take effect at once. */
public record AiAssistantChanges(
        @Size(max = 200) @Schema(example = "Phone concierge")
        String name,

        @Size(max = 20000) String instructions,

        @Schema(description = "Replaces the set of enabled tools")
        InternalTools internalTools,

        @Schema(example = "false") Boolean isActive) {}

package io.reserva.assistants;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** What an admin sends to create an assistant; its credential is issued with it. */
public record NewAiAssistant(
        @Schema(description = "Omit when the API key belongs to one organization")
        UUID organizationId,

        @NotBlank @Size(max = 200) @Schema(example = "Phone concierge")
        String name,

        @Size(max = 20000)
        @Schema(example = "Book tables for callers; always confirm the party size and time back to them.")
        String instructions,

        @Schema(description = "Left out: no tools enabled") InternalTools internalTools,

        @Schema(description = "Default true", example = "true")
        Boolean isActive) {}

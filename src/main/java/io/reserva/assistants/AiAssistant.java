package io.reserva.assistants;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An AI assistant: its name and instructions, the tools it may call, and the key it calls them with. */
public record AiAssistant(
        @Schema(example = "0192f3c4-7a1b-7c2d-8e3f-4a5b6c7d8e9f")
        UUID id,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Phone concierge") String name,

        @Schema(
                description = "For the model behind the assistant (a system prompt); Reserva stores it only",
                example = "Book tables for callers; always confirm the party size and time back to them.")
        String instructions,

        InternalTools internalTools,

        @Schema(description = "An inactive assistant sees no tools and every call is refused", example = "true")
        boolean isActive,

        @Schema(description = "The API key (role assistant) it calls its tools with; null once revoked")
        Credential credential,

        Instant createdAt,
        Instant updatedAt) {

    /** The assistant's key as listed: never its secret, which is shown once when issued. */
    public record Credential(
            @Schema(description = "Its row in /api-keys") UUID apiKeyId,
            @Schema(example = "rsv_Xq3vK9") String keyPrefix) {}

    /** Whether this assistant may call the tool now: it is active and the tool is enabled. */
    public boolean mayCall(AssistantTool tool) {
        return isActive && internalTools.tools().contains(tool.key());
    }

    List<String> tools() {
        return internalTools.tools();
    }
}

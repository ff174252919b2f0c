package io.reserva.assistants;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One tool call of an assistant, as the audit trail keeps it. */
public record ToolCall(
        UUID id,
        UUID organizationId,
        UUID assistantId,
        @Schema(example = "create_reservation") String tool,

        @Schema(description = "mcp or rest", example = "mcp")
        String channel,

        @Schema(description = "The arguments as the client sent them")
        Map<String, Object> arguments,

        @Schema(description = "ok or error", example = "error")
        String outcome,

        @Schema(description = "The stable error code of a failed call", example = "slot_unavailable")
        String errorCode,

        @Schema(example = "This time cannot be booked") String errorMessage,
        @Schema(example = "42") int durationMs,
        Instant createdAt) {}

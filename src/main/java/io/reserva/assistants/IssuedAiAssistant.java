package io.reserva.assistants;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/** An assistant with a credential just issued: the only time its secret is ever shown. */
public record IssuedAiAssistant(
        @JsonUnwrapped AiAssistant assistant,

        @Schema(
                description = "The assistant's key: send as 'Authorization: Bearer <secret>' to /mcp or"
                        + " /ai-assistants/{id}/tools. Shown once; store it now.",
                example = "rsv_Xq3vK9mP2wL8nR4tY7uB1cE5fH0jA6sD9gZ2xV3qW8e")
        String secret) {}

package io.reserva.tenancy;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/** A key just created: the only time its secret is ever shown. */
public record IssuedApiKey(
        @JsonUnwrapped ApiKey key,

        @Schema(
                description = "Send as 'Authorization: Bearer <secret>'. Shown once; store it now.",
                example = "rsv_Xq3vK9mP2wL8nR4tY7uB1cE5fH0jA6sD9gZ2xV3qW8e")
        String secret) {}

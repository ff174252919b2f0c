package io.reserva.webhooks;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;

/** An endpoint just created or with a new secret: the only time the secret is shown. */
public record IssuedWebhookSecret(
        @JsonUnwrapped WebhookEndpoint endpoint,

        @Schema(
                description = "Verify deliveries with it (Standard Webhooks: HMAC-SHA256 keyed with the base64 part)."
                        + " Shown once; store it now.",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {}

package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A credential Google's partner portal uses for HTTP Basic; the password is never shown again after issue. */
@Schema(name = "GooglePartnerCredential")
public record PartnerCredential(
        UUID id,
        @Schema(example = "google") String username,
        Instant createdAt,

        @Schema(description = "Set when a newer credential replaced this one: it keeps working until then")
        Instant expiresAt,

        Instant revokedAt) {}

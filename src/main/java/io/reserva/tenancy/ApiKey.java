package io.reserva.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never its secret, which is shown once on creation and stored only as a hash. */
public record ApiKey(
        UUID id,
        @Schema(description = "Null for platform keys") UUID organizationId,
        @Schema(example = "Front desk tablet") String name,
        Role role,

        @Schema(description = "The first characters of the secret, to tell keys apart", example = "rsv_Xq3vK9")
        String keyPrefix,

        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt,

        @Schema(description = "Not revoked and not expired at the time of the response")
        boolean isActive) {}

package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A new partner credential: the only answer that carries the password. */
@Schema(name = "IssuedGooglePartnerCredential")
public record IssuedPartnerCredential(
        UUID id,
        @Schema(example = "google") String username,

        @Schema(description = "Shown once; only its SHA-256 is stored", example = "gps_4fJ0q9...")
        String password,

        Instant createdAt,

        @Schema(description = "Until when the credentials it replaces keep working")
        Instant previousExpireAt) {}

package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The feed upload setting as shown: never a password or key, only which of them is stored. */
@Schema(name = "GoogleFeedUpload")
public record FeedUpload(
        String host,
        int port,
        String username,

        @Schema(description = "password or private_key", example = "private_key")
        String authentication,

        @Schema(description = "The fingerprint of the known host key", example = "SHA256:1k3x...")
        String hostKeyFingerprint,

        String remoteDirectory,
        Instant updatedAt) {}

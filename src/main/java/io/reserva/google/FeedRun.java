package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What one feed run wrote and whether its upload succeeded. */
@Schema(name = "GoogleFeedRun")
public record FeedRun(
        UUID id,

        @Schema(description = "schedule or on_demand", example = "schedule")
        String trigger,

        Instant startedAt,
        Instant finishedAt,

        @Schema(description = "The feeds' generation_timestamp (Unix seconds)", example = "1806519600")
        long generationTimestamp,

        @Schema(description = "The feeds' nonce", example = "4611686018427387904")
        String nonce,

        @Schema(description = "The local directory the files are in")
        String directory,

        int merchants,
        int services,

        @Schema(description = "Availability rows (one per start and party size)", example = "21600")
        int availabilityRows,

        @Schema(description = "Files of the availability feed", example = "1")
        int availabilityShards,

        List<String> files,

        @Schema(description = "Merchants and services left out, and why")
        List<String> skipped,

        @Schema(description = "not_configured, succeeded or failed", example = "succeeded")
        String uploadStatus,

        String uploadError) {}

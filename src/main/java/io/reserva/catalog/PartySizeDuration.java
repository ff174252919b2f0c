package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** A turn time: parties of up to {@code maxPartySize} people stay {@code durationMinutes}. */
public record PartySizeDuration(
        @Schema(example = "4") int maxPartySize,
        @Schema(example = "120") int durationMinutes) {}

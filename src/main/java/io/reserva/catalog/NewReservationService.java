package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What a client sends to create a service; fields left out take the defaults named in their descriptions. */
public record NewReservationService(
        @Schema(description = "May be left out with an organization's key")
        UUID organizationId,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Dinner")
        String name,

        @Schema(example = "A table for dinner") String description,

        @Schema(requiredMode = RequiredMode.REQUIRED, description = "1 to 1440", example = "90")
        Integer durationMinutes,

        @Schema(description = "0 to 1440; default 0", example = "0")
        Integer bufferBeforeMinutes,

        @Schema(description = "0 to 1440; default 0", example = "15")
        Integer bufferAfterMinutes,

        @Schema(description = "1 to 1440; default (null): the duration", example = "15")
        Integer slotInterval,

        @Schema(description = "At least 1; default (null): no limit", example = "4")
        Integer slotCapacity,

        @Schema(description = "At least min_party_size; default (null): no limit", example = "6")
        Integer maxPartySize,

        @Schema(description = "At least 1; default 1", example = "1")
        Integer minPartySize,

        @Schema(description = "Distinct max_party_size values; default none")
        List<PartySizeDuration> durationsByPartySize,

        @Schema(description = "Default separate", example = "separate")
        Seating seating,

        @Schema(description = "Shared seating only; at least 1", example = "12")
        Integer maxParticipantsPerSlot,

        @Schema(description = "At least 0, at most two decimals", example = "45.00")
        BigDecimal price,

        @Schema(description = "ISO 4217; default: the organization's", example = "EUR")
        String currency,

        @Schema(description = "0 to 3650; default (null): no limit", example = "60")
        Integer maxAdvanceDays,

        @Schema(description = "At least 0; default 0", example = "1")
        Integer minAdvanceHours,

        @Schema(description = "Default false", example = "false")
        Boolean requiresConfirmation,

        @Schema(description = "Default true", example = "true")
        Boolean allowCancellation,

        @Schema(description = "At least 0; default (null): any time", example = "24")
        Integer cancellationDeadlineHours,

        @Schema(description = "Default true", example = "true")
        Boolean isPublic,

        @Schema(description = "Default true", example = "true")
        Boolean isActive,

        @Schema(description = "#RRGGBB", example = "#3B82F6")
        String color,

        @Schema(description = "An http(s) URL", example = "https://cdn.example.com/services/dinner.jpg")
        String imageUrl,

        @Schema(description = "IANA time zone; default: the organization's", example = "Europe/Madrid")
        String timezone,

        @Schema(description = "Pacing limits; default (null): none")
        ServicePacing pacing,

        @Schema(description = "Pacing limits per area, one entry per area; default (null): none")
        List<ServiceAreaPacing> areaPacing) {}

package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** The fields a PATCH of a service may change; fields left out keep their value, null clears optional ones. */
public record ReservationServiceChanges(
        @Schema(example = "Dinner") String name,
        @Schema(example = "A table for dinner") String description,
        @Schema(example = "90") Integer durationMinutes,
        @Schema(example = "0") Integer bufferBeforeMinutes,
        @Schema(example = "15") Integer bufferAfterMinutes,
        @Schema(example = "15") Integer slotInterval,
        @Schema(example = "4") Integer slotCapacity,
        @Schema(example = "6") Integer maxPartySize,
        @Schema(example = "1") Integer minPartySize,
        List<PartySizeDuration> durationsByPartySize,
        @Schema(example = "separate") Seating seating,
        @Schema(example = "12") Integer maxParticipantsPerSlot,
        @Schema(example = "45.00") BigDecimal price,
        @Schema(example = "EUR") String currency,
        @Schema(example = "60") Integer maxAdvanceDays,
        @Schema(example = "1") Integer minAdvanceHours,
        @Schema(example = "false") Boolean requiresConfirmation,
        @Schema(example = "true") Boolean allowCancellation,
        @Schema(example = "24") Integer cancellationDeadlineHours,
        @Schema(example = "true") Boolean isPublic,
        @Schema(example = "true") Boolean isActive,
        @Schema(example = "#3B82F6") String color,

        @Schema(example = "https://cdn.example.com/services/dinner.jpg")
        String imageUrl,

        @Schema(example = "Europe/Madrid") String timezone,

        @Schema(description = "Replaces the pacing limits as a whole; null removes them")
        ServicePacing pacing,

        @Schema(description = "Replaces the pacing limits of every area as a whole; null or [] removes them")
        List<ServiceAreaPacing> areaPacing) {}

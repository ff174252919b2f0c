package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Something a guest can book: how long it takes, for how many people, when, and at what price. */
public record ReservationService(
        @Schema(example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Dinner") String name,

        @Schema(example = "A table for dinner; tell us about allergies when you book")
        String description,

        @Schema(description = "Length of a booking, 1 to 1440; see durations_by_party_size", example = "90")
        int durationMinutes,

        @Schema(description = "Time kept free before each booking, 0 to 1440", example = "0")
        int bufferBeforeMinutes,

        @Schema(description = "Time kept free after each booking, 0 to 1440", example = "15")
        int bufferAfterMinutes,

        @Schema(description = "Minutes between possible start times; null means the duration", example = "15")
        Integer slotInterval,

        @Schema(description = "Parties that may start at the same time; null means no limit", example = "4")
        Integer slotCapacity,

        @Schema(description = "Largest party; null means no limit", example = "6")
        Integer maxPartySize,

        @Schema(description = "Smallest party", example = "1")
        int minPartySize,

        @Schema(
                description =
                        "Turn times by party size, sorted by max_party_size; a party larger than every entry stays duration_minutes")
        List<PartySizeDuration> durationsByPartySize,

        @Schema(example = "separate") Seating seating,

        @Schema(description = "Shared seating only: people per start time; null means no limit", example = "12")
        Integer maxParticipantsPerSlot,

        @Schema(description = "At most two decimals; null when not shown", example = "45.00")
        BigDecimal price,

        @Schema(description = "ISO 4217; defaults to the organization's", example = "EUR")
        String currency,

        @Schema(description = "How far ahead it can be booked, in days; null means no limit", example = "60")
        Integer maxAdvanceDays,

        @Schema(description = "How soon before the start it can still be booked, in hours", example = "1")
        int minAdvanceHours,

        @Schema(description = "New bookings start as pending until the organization confirms them", example = "false")
        boolean requiresConfirmation,

        @Schema(example = "true") boolean allowCancellation,

        @Schema(
                description = "Guests may cancel until this many hours before the start; null means any time",
                example = "24")
        Integer cancellationDeadlineHours,

        @Schema(description = "Offered on public booking pages and to assistants", example = "true")
        boolean isPublic,

        @Schema(example = "true") boolean isActive,

        @Schema(description = "#RRGGBB", example = "#3B82F6")
        String color,

        @Schema(example = "https://cdn.example.com/services/dinner.jpg")
        String imageUrl,

        @Schema(description = "IANA time zone; defaults to the organization's", example = "Europe/Madrid")
        String timezone,

        @Schema(description = "Pacing limits; null: none") ServicePacing pacing,

        @Schema(description = "Pacing limits per area of the floor, beside the service's own; empty: none")
        List<ServiceAreaPacing> areaPacing,

        Instant createdAt,
        Instant updatedAt) {

    public ReservationService {
        durationsByPartySize = List.copyOf(durationsByPartySize);
        areaPacing = areaPacing == null ? List.of() : List.copyOf(areaPacing);
    }

    /** How long a party of this size stays: the first turn time that fits it, else the default duration. */
    public int durationFor(int partySize) {
        return durationsByPartySize.stream()
                .filter(entry -> partySize <= entry.maxPartySize())
                .findFirst()
                .map(PartySizeDuration::durationMinutes)
                .orElse(durationMinutes);
    }
}

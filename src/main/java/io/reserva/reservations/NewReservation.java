package io.reserva.reservations;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a client sends to book. */
public record NewReservation(
        @Schema(description = "Omit when the API key belongs to one organization")
        UUID organizationId,

        @NotNull UUID serviceId,

        @Schema(description = "An existing contact; or send contact instead")
        UUID contactId,

        @Valid @Schema(description = "A guest matched by email, then phone, else created")
        InlineContact contact,

        @NotNull @Min(1) @Max(1000) @Schema(example = "4") Integer partySize,

        @NotNull @Schema(description = "A start from /reservation-available-slots", example = "2027-03-28T18:30:00Z")
        Instant startDatetime,

        @Schema(
                description = "Leave out to book (pending when the service requires confirmation, else"
                        + " confirmed); 'held' to hold the place for hold_minutes",
                example = "held")
        ReservationStatus status,

        @Min(1) @Max(30) @Schema(description = "Hold length, default 5, at most 30", example = "5")
        Integer holdMinutes,

        @Schema(example = "api") ReservationSource source,
        @Size(max = 5000) String customerNotes,
        @Size(max = 5000) String internalNotes,
        UUID dealId,
        UUID companyId,

        @Schema(description = "Honoured when it is free and fits")
        UUID preferredResourceId,

        @Schema(
                description = "An area of the floor the guest asks for (see /reservation-areas): honoured when a"
                        + " fitting table or combination there is free; otherwise the booking is seated elsewhere and"
                        + " seating_preference_met is false",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID seatingPreference,

        @Schema(description = "With override only: exactly these resources")
        List<UUID> assignedResources,

        Map<String, Object> customFieldsByKey,

        @Schema(
                description = "Staff (admin or staff keys) book outside availability: walk-ins, overbooking."
                        + " Resources are still never double-booked.")
        Boolean override) {

    /** A booking without a seating preference. */
    public NewReservation(
            UUID organizationId,
            UUID serviceId,
            UUID contactId,
            InlineContact contact,
            Integer partySize,
            Instant startDatetime,
            ReservationStatus status,
            Integer holdMinutes,
            ReservationSource source,
            String customerNotes,
            String internalNotes,
            UUID dealId,
            UUID companyId,
            UUID preferredResourceId,
            List<UUID> assignedResources,
            Map<String, Object> customFieldsByKey,
            Boolean override) {
        this(
                organizationId,
                serviceId,
                contactId,
                contact,
                partySize,
                startDatetime,
                status,
                holdMinutes,
                source,
                customerNotes,
                internalNotes,
                dealId,
                companyId,
                preferredResourceId,
                null,
                assignedResources,
                customFieldsByKey,
                override);
    }

    /** A guest given inline. */
    public record InlineContact(
            @Size(max = 100) @Schema(example = "Ana") String firstName,
            @Size(max = 100) @Schema(example = "García") String lastName,

            @Size(max = 254) @Schema(example = "ana@example.com")
            String email,

            @Size(max = 40) @Schema(example = "+34 612 345 678")
            String phone) {}
}

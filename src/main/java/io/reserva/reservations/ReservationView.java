package io.reserva.reservations;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A reservation as the API shows it (named Reservation in the API description). */
@Schema(name = "Reservation")
public record ReservationView(
        UUID id,
        UUID organizationId,
        UUID serviceId,
        UUID contactId,
        @Schema(example = "4") int partySize,
        @Schema(example = "2027-03-28T18:30:00Z") Instant startDatetime,

        @Schema(description = "Computed from the service and party size", example = "2027-03-28T20:30:00Z")
        Instant endDatetime,

        ReservationStatus status,
        ReservationSource source,
        @Schema(example = "Window table if possible") String customerNotes,
        @Schema(example = "Regular, likes the house red") String internalNotes,
        UUID dealId,
        UUID companyId,
        UUID preferredResourceId,
        List<AssignedResource> assignedResources,
        Map<String, Object> customFieldsByKey,

        @Schema(description = "Short code to quote on the phone", example = "K7QX4M")
        String confirmationCode,

        @Schema(description = "When a held reservation lapses")
        Instant holdExpiresAt,

        Instant cancelledAt,
        CancelledBy cancelledBy,
        String cancellationReason,

        @Schema(description = "Booked by staff outside availability (override: true)")
        boolean isOverride,

        Instant createdAt,
        Instant updatedAt) {}

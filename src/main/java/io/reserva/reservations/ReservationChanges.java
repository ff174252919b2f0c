package io.reserva.reservations;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A PATCH of a reservation: reschedule (start, service, party size, resources), move through the statuses,
 * change notes, references and custom fields. Fields left out are kept.
 */
public record ReservationChanges(
        @Schema(example = "2027-03-28T19:00:00Z") Instant startDatetime,
        UUID serviceId,
        @Min(1) @Max(1000) Integer partySize,
        UUID preferredResourceId,

        @Schema(description = "With override only: move to exactly these resources")
        List<UUID> assignedResources,

        @Schema(example = "confirmed") ReservationStatus status,
        @Schema(example = "organization") CancelledBy cancelledBy,
        @Size(max = 1000) String cancellationReason,
        @Size(max = 5000) String customerNotes,
        @Size(max = 5000) String internalNotes,
        UUID contactId,
        UUID dealId,
        UUID companyId,
        Map<String, Object> customFieldsByKey,
        Boolean override) {}

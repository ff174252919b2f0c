package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One real-time update to Google's Maps Booking API and how its delivery went. */
@Schema(name = "GoogleRealTimeUpdate")
public record RealTimeUpdate(
        UUID id,
        UUID organizationId,

        @Schema(description = "booking (a booking notification) or availability (availability:replace of one day)")
        String kind,

        @Schema(description = "kind booking: the reservation (Google's booking_id)")
        UUID reservationId,

        @Schema(description = "kind availability: the service")
        UUID serviceId,

        @Schema(description = "kind availability: the service's local date replaced")
        LocalDate localDate,

        @Schema(description = "pending, sending, succeeded or failed", example = "succeeded")
        String status,

        int attempts,

        @Schema(description = "pending: when it is tried next")
        Instant nextAttemptAt,

        @Schema(description = "The HTTP status of the last attempt, when one answered", example = "200")
        Integer lastStatusCode,

        String lastError,
        Instant createdAt,
        Instant updatedAt) {}

package io.reserva.reservations;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A reservation as the API shows it (named Reservation in the API description). Instants are UTC; the local
 * start and end are the same moments on the service's wall clock, only for display.
 */
@Schema(name = "Reservation")
public record ReservationView(
        UUID id,
        UUID organizationId,
        UUID serviceId,
        UUID contactId,

        @Schema(
                description = "Who is coming: the contact's name, email and phone; null when there is none."
                        + " Never shown to AI assistants or on booking pages")
        ContactSummary contact,

        GuestDetails guestDetails,

        @Schema(example = "4") int partySize,
        @Schema(example = "2027-03-28T18:30:00Z") Instant startDatetime,

        @Schema(description = "Computed from the service and party size", example = "2027-03-28T20:30:00Z")
        Instant endDatetime,

        @Schema(
                description = "The start on the wall clock of the service's time zone, with its offset, for display",
                example = "2027-03-28T20:30:00+02:00")
        String startLocal,

        @Schema(
                description = "The end on the wall clock of the service's time zone, with its offset, for display",
                example = "2027-03-28T22:30:00+02:00")
        String endLocal,

        @Schema(description = "IANA time zone of start_local and end_local (the service's)", example = "Europe/Madrid")
        String timezone,

        ReservationStatus status,
        ReservationSource source,
        @Schema(example = "Window table if possible") String customerNotes,
        @Schema(example = "Regular, likes the house red") String internalNotes,
        UUID dealId,
        UUID companyId,
        UUID preferredResourceId,

        @Schema(
                description = "The area the guest asked for (see /reservation-areas); null when none",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID seatingPreference,

        @Schema(
                description = "Whether the party sits wholly in the area asked for (false: seated elsewhere because it"
                        + " was full); null when no area was asked for",
                example = "true")
        Boolean seatingPreferenceMet,

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
        Instant updatedAt) {

    /**
     * The reservation as a guest who booked it may see it (on the booking page behind their token, or in the answer
     * to an assistant's create_reservation): the place, what the guest typed (their details, notes and answers) and
     * the booking's code; never the stored contact, its id, staff's internal notes, deal or company, or the
     * contact staff are asked to review. The one place that decides this for every channel without an API key.
     */
    public ReservationView forGuest() {
        return new ReservationView(
                id,
                organizationId,
                serviceId,
                null,
                null,
                guestDetails == null ? null : guestDetails.asTyped(),
                partySize,
                startDatetime,
                endDatetime,
                startLocal,
                endLocal,
                timezone,
                status,
                source,
                customerNotes,
                null,
                null,
                null,
                preferredResourceId,
                seatingPreference,
                seatingPreferenceMet,
                assignedResources,
                customFieldsByKey,
                confirmationCode,
                holdExpiresAt,
                cancelledAt,
                cancelledBy,
                cancellationReason,
                isOverride,
                createdAt,
                updatedAt);
    }

    /**
     * The reservation as someone who may not have made it may see it (an assistant listing or changing bookings):
     * only the place it takes and its state. Nobody's details, notes, answers or reasons.
     */
    public ReservationView forStranger() {
        return new ReservationView(
                id,
                organizationId,
                serviceId,
                null,
                null,
                null,
                partySize,
                startDatetime,
                endDatetime,
                startLocal,
                endLocal,
                timezone,
                status,
                source,
                null,
                null,
                null,
                null,
                preferredResourceId,
                seatingPreference,
                seatingPreferenceMet,
                assignedResources,
                null,
                confirmationCode,
                holdExpiresAt,
                cancelledAt,
                cancelledBy,
                null,
                isOverride,
                createdAt,
                updatedAt);
    }
}

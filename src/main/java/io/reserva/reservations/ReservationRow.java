package io.reserva.reservations;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the reservations table: the reservation plus the interval it occupies, buffers included, and the
 * summary of its contact as read with it (null when it has none, or when the contact was just changed and not
 * read yet).
 */
record ReservationRow(
        UUID id,
        UUID organizationId,
        UUID serviceId,
        UUID contactId,
        int partySize,
        Instant startDatetime,
        Instant endDatetime,
        Instant occupiedFrom,
        Instant occupiedUntil,
        ReservationStatus status,
        ReservationSource source,
        String customerNotes,
        String internalNotes,
        UUID dealId,
        UUID companyId,
        UUID preferredResourceId,
        UUID seatingPreference,
        Boolean seatingPreferenceMet,
        Map<String, Object> customFieldsByKey,
        String confirmationCode,
        Instant holdExpiresAt,
        Instant cancelledAt,
        CancelledBy cancelledBy,
        String cancellationReason,
        boolean isOverride,
        UUID createdByApiKeyId,
        Instant createdAt,
        Instant updatedAt,
        ContactSummary contact,
        GuestDetails guest) {

    /** A held reservation whose hold has run out no longer holds anything, whether or not it was swept yet. */
    boolean holdLapsed(Instant now) {
        return status == ReservationStatus.HELD && holdExpiresAt != null && !holdExpiresAt.isAfter(now);
    }

    /** The reservation moved to another place: service, party size, times and preferred resource. */
    ReservationRow withPlace(
            UUID newServiceId,
            int newPartySize,
            Instant start,
            Instant end,
            Instant from,
            Instant until,
            UUID preferred,
            UUID area,
            Boolean preferenceMet,
            boolean override,
            Instant now) {
        return new ReservationRow(
                id,
                organizationId,
                newServiceId,
                contactId,
                newPartySize,
                start,
                end,
                from,
                until,
                status,
                source,
                customerNotes,
                internalNotes,
                dealId,
                companyId,
                preferred,
                area,
                preferenceMet,
                customFieldsByKey,
                confirmationCode,
                holdExpiresAt,
                cancelledAt,
                cancelledBy,
                cancellationReason,
                isOverride || override,
                createdByApiKeyId,
                createdAt,
                now,
                contact,
                guest);
    }

    /** Notes, references and custom fields as sent; {@code now} is null when nothing changed. */
    ReservationRow withDetails(
            UUID newContactId,
            String newCustomerNotes,
            String newInternalNotes,
            UUID newDealId,
            UUID newCompanyId,
            Map<String, Object> newCustomFields,
            Instant now) {
        return new ReservationRow(
                id,
                organizationId,
                serviceId,
                newContactId,
                partySize,
                startDatetime,
                endDatetime,
                occupiedFrom,
                occupiedUntil,
                status,
                source,
                newCustomerNotes,
                newInternalNotes,
                newDealId,
                newCompanyId,
                preferredResourceId,
                seatingPreference,
                seatingPreferenceMet,
                newCustomFields,
                confirmationCode,
                holdExpiresAt,
                cancelledAt,
                cancelledBy,
                cancellationReason,
                isOverride,
                createdByApiKeyId,
                createdAt,
                now == null ? updatedAt : now,
                Objects.equals(newContactId, contactId) ? contact : null,
                guest);
    }

    /** Who cancelled, when and why. */
    ReservationRow withCancellation(Instant at, CancelledBy by, String reason) {
        return new ReservationRow(
                id,
                organizationId,
                serviceId,
                contactId,
                partySize,
                startDatetime,
                endDatetime,
                occupiedFrom,
                occupiedUntil,
                status,
                source,
                customerNotes,
                internalNotes,
                dealId,
                companyId,
                preferredResourceId,
                seatingPreference,
                seatingPreferenceMet,
                customFieldsByKey,
                confirmationCode,
                null,
                at,
                by,
                reason,
                isOverride,
                createdByApiKeyId,
                createdAt,
                at,
                contact,
                guest);
    }

    /** Occupies only until {@code until} (never before it started occupying). */
    ReservationRow occupiedUntil(Instant until) {
        Instant end = until.isAfter(occupiedFrom) ? until : occupiedFrom;
        return new ReservationRow(
                id,
                organizationId,
                serviceId,
                contactId,
                partySize,
                startDatetime,
                endDatetime,
                occupiedFrom,
                end,
                status,
                source,
                customerNotes,
                internalNotes,
                dealId,
                companyId,
                preferredResourceId,
                seatingPreference,
                seatingPreferenceMet,
                customFieldsByKey,
                confirmationCode,
                holdExpiresAt,
                cancelledAt,
                cancelledBy,
                cancellationReason,
                isOverride,
                createdByApiKeyId,
                createdAt,
                updatedAt,
                contact,
                guest);
    }

    ReservationRow withStatus(ReservationStatus next, Instant now) {
        return new ReservationRow(
                id,
                organizationId,
                serviceId,
                contactId,
                partySize,
                startDatetime,
                endDatetime,
                occupiedFrom,
                occupiedUntil,
                next,
                source,
                customerNotes,
                internalNotes,
                dealId,
                companyId,
                preferredResourceId,
                seatingPreference,
                seatingPreferenceMet,
                customFieldsByKey,
                confirmationCode,
                next == ReservationStatus.HELD ? holdExpiresAt : null,
                cancelledAt,
                cancelledBy,
                cancellationReason,
                isOverride,
                createdByApiKeyId,
                createdAt,
                now,
                contact,
                guest);
    }

    /** The guest's typed details, and the contact the booking is filed under (null: none or not yet reviewed). */
    ReservationRow withGuest(GuestDetails typed, UUID newContactId) {
        return new ReservationRow(
                id,
                organizationId,
                serviceId,
                newContactId,
                partySize,
                startDatetime,
                endDatetime,
                occupiedFrom,
                occupiedUntil,
                status,
                source,
                customerNotes,
                internalNotes,
                dealId,
                companyId,
                preferredResourceId,
                seatingPreference,
                seatingPreferenceMet,
                customFieldsByKey,
                confirmationCode,
                holdExpiresAt,
                cancelledAt,
                cancelledBy,
                cancellationReason,
                isOverride,
                createdByApiKeyId,
                createdAt,
                updatedAt,
                Objects.equals(newContactId, contactId) ? contact : null,
                typed);
    }
}

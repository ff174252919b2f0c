package io.reserva.reservations;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One row of the reservations table: the reservation plus the interval it occupies, buffers included. */
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
        Map<String, Object> customFieldsByKey,
        String confirmationCode,
        Instant holdExpiresAt,
        Instant cancelledAt,
        CancelledBy cancelledBy,
        String cancellationReason,
        boolean isOverride,
        UUID createdByApiKeyId,
        Instant createdAt,
        Instant updatedAt) {

    /** A held reservation whose hold has run out no longer holds anything, whether or not it was swept yet. */
    boolean holdLapsed(Instant now) {
        return status == ReservationStatus.HELD && holdExpiresAt != null && !holdExpiresAt.isAfter(now);
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
                customFieldsByKey,
                confirmationCode,
                next == ReservationStatus.HELD ? holdExpiresAt : null,
                cancelledAt,
                cancelledBy,
                cancellationReason,
                isOverride,
                createdByApiKeyId,
                createdAt,
                now);
    }
}

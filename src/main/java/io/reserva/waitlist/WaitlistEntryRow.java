package io.reserva.waitlist;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A waitlist entry as stored: one row of {@code waitlist_entries}. */
record WaitlistEntryRow(
        UUID id,
        UUID organizationId,
        UUID serviceId,
        UUID contactId,
        String phone,
        int partySize,
        WaitlistKind kind,
        LocalDate localDate,
        LocalTime windowStart,
        LocalTime windowEnd,
        String notes,
        List<String> tags,
        WaitlistEntrySource source,
        WaitlistEntryStatus status,
        Instant offeredAt,
        Instant checkedInAt,
        Instant seatedAt,
        Instant cancelledAt,
        Instant declinedAt,
        Instant noShowAt,
        Instant expiredAt,
        UUID reservationId,
        UUID offerReservationId,
        Instant offerStart,
        Instant offerExpiresAt,
        List<Instant> passedStarts,
        Instant quoteFromOverride,
        Instant quoteToOverride,
        UUID createdByApiKeyId,
        Instant createdAt,
        Instant updatedAt) {

    WaitlistEntryRow {
        tags = List.copyOf(tags);
        passedStarts = List.copyOf(passedStarts);
    }

    /** The same entry in {@code next}, with the time it got there. */
    WaitlistEntryRow withStatus(WaitlistEntryStatus next, Instant now) {
        return new WaitlistEntryRow(
                id,
                organizationId,
                serviceId,
                contactId,
                phone,
                partySize,
                kind,
                localDate,
                windowStart,
                windowEnd,
                notes,
                tags,
                source,
                next,
                next == WaitlistEntryStatus.OFFERED ? now : offeredAt,
                next == WaitlistEntryStatus.CHECKED_IN ? now : checkedInAt,
                next == WaitlistEntryStatus.SEATED ? now : seatedAt,
                next == WaitlistEntryStatus.CANCELLED ? now : cancelledAt,
                next == WaitlistEntryStatus.DECLINED_BY_MERCHANT ? now : declinedAt,
                next == WaitlistEntryStatus.NO_SHOW ? now : noShowAt,
                next == WaitlistEntryStatus.EXPIRED ? now : expiredAt,
                reservationId,
                offerReservationId,
                offerStart,
                offerExpiresAt,
                passedStarts,
                quoteFromOverride,
                quoteToOverride,
                createdByApiKeyId,
                createdAt,
                now);
    }

    /** The offer made (a held start and when it lapses), or none when all three are null. */
    WaitlistEntryRow withOffer(UUID reservation, Instant start, Instant expiresAt) {
        return new WaitlistEntryRow(
                id,
                organizationId,
                serviceId,
                contactId,
                phone,
                partySize,
                kind,
                localDate,
                windowStart,
                windowEnd,
                notes,
                tags,
                source,
                status,
                offeredAt,
                checkedInAt,
                seatedAt,
                cancelledAt,
                declinedAt,
                noShowAt,
                expiredAt,
                reservationId,
                reservation,
                start,
                expiresAt,
                passedStarts,
                quoteFromOverride,
                quoteToOverride,
                createdByApiKeyId,
                createdAt,
                updatedAt);
    }

    /** A start this entry turned down or let lapse: it is not offered to the entry again. */
    WaitlistEntryRow withPassedStart(Instant start) {
        List<Instant> passed = new ArrayList<>(passedStarts);
        if (start != null && !passed.contains(start)) {
            passed.add(start);
        }
        return new WaitlistEntryRow(
                id,
                organizationId,
                serviceId,
                contactId,
                phone,
                partySize,
                kind,
                localDate,
                windowStart,
                windowEnd,
                notes,
                tags,
                source,
                status,
                offeredAt,
                checkedInAt,
                seatedAt,
                cancelledAt,
                declinedAt,
                noShowAt,
                expiredAt,
                reservationId,
                offerReservationId,
                offerStart,
                offerExpiresAt,
                passed,
                quoteFromOverride,
                quoteToOverride,
                createdByApiKeyId,
                createdAt,
                updatedAt);
    }

    WaitlistEntryRow withReservation(UUID reservation) {
        return new WaitlistEntryRow(
                id,
                organizationId,
                serviceId,
                contactId,
                phone,
                partySize,
                kind,
                localDate,
                windowStart,
                windowEnd,
                notes,
                tags,
                source,
                status,
                offeredAt,
                checkedInAt,
                seatedAt,
                cancelledAt,
                declinedAt,
                noShowAt,
                expiredAt,
                reservation,
                offerReservationId,
                offerStart,
                offerExpiresAt,
                passedStarts,
                quoteFromOverride,
                quoteToOverride,
                createdByApiKeyId,
                createdAt,
                updatedAt);
    }

    /** Notes, tags and the staff's own quote; {@code now} is the update time. */
    WaitlistEntryRow withDetails(
            String newNotes, List<String> newTags, Instant quoteFrom, Instant quoteTo, Instant now) {
        return new WaitlistEntryRow(
                id,
                organizationId,
                serviceId,
                contactId,
                phone,
                partySize,
                kind,
                localDate,
                windowStart,
                windowEnd,
                newNotes,
                newTags,
                source,
                status,
                offeredAt,
                checkedInAt,
                seatedAt,
                cancelledAt,
                declinedAt,
                noShowAt,
                expiredAt,
                reservationId,
                offerReservationId,
                offerStart,
                offerExpiresAt,
                passedStarts,
                quoteFrom,
                quoteTo,
                createdByApiKeyId,
                createdAt,
                now);
    }
}

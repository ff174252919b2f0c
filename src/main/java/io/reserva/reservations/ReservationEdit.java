package io.reserva.reservations;

import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A PATCH of a reservation, typed: each field knows whether it was sent. Built once at the boundary from the
 * {@code Patch<ReservationChanges>} the API and the other modules hand in; nothing below it looks fields up by
 * name.
 */
record ReservationEdit(
        Sent<Instant> start,
        Sent<UUID> serviceId,
        Sent<Integer> partySize,
        Sent<UUID> preferredResourceId,
        Sent<UUID> seatingPreference,
        Sent<List<UUID>> assignedResources,
        Sent<ReservationStatus> status,
        Sent<CancelledBy> cancelledBy,
        Sent<String> cancellationReason,
        Sent<String> customerNotes,
        Sent<String> internalNotes,
        Sent<UUID> contactId,
        Sent<UUID> dealId,
        Sent<UUID> companyId,
        Sent<Map<String, Object>> customFields,
        boolean override,
        GuestDetails guest) {

    static ReservationEdit of(Patch<ReservationChanges> patch) {
        ReservationChanges values = patch.values();
        return new ReservationEdit(
                sent(patch, "start_datetime", values.startDatetime()),
                sent(patch, "service_id", values.serviceId()),
                sent(patch, "party_size", values.partySize()),
                sent(patch, "preferred_resource_id", values.preferredResourceId()),
                sent(patch, "seating_preference", values.seatingPreference()),
                sent(patch, "assigned_resources", values.assignedResources()),
                sent(patch, "status", values.status()),
                sent(patch, "cancelled_by", values.cancelledBy()),
                sent(patch, "cancellation_reason", values.cancellationReason()),
                sent(patch, "customer_notes", values.customerNotes()),
                sent(patch, "internal_notes", values.internalNotes()),
                sent(patch, "contact_id", values.contactId()),
                sent(patch, "deal_id", values.dealId()),
                sent(patch, "company_id", values.companyId()),
                sent(patch, "custom_fields_by_key", values.customFieldsByKey()),
                Boolean.TRUE.equals(values.override()),
                null);
    }

    /**
     * The same edit, also recording what a guest typed on a channel without an API key. Not a field of the PATCH
     * API: only {@link GuestReservations} sets it.
     */
    ReservationEdit withGuest(GuestDetails typed) {
        return new ReservationEdit(
                start,
                serviceId,
                partySize,
                preferredResourceId,
                seatingPreference,
                assignedResources,
                status,
                cancelledBy,
                cancellationReason,
                customerNotes,
                internalNotes,
                contactId,
                dealId,
                companyId,
                customFields,
                override,
                typed);
    }

    private static <T> Sent<T> sent(Patch<ReservationChanges> patch, String field, T value) {
        return patch.has(field) ? Sent.of(field, value) : Sent.absent(field);
    }

    /** Refuses what no reservation can take: clearing a field every reservation has, resources without override. */
    void checkShape() {
        if (assignedResources.isSent() && !override) {
            throw ReservaException.invalidField(
                    assignedResources.field(), "can only be chosen by staff with override: true");
        }
        for (Sent<?> required : List.of(start, serviceId, partySize, status)) {
            if (required.isSentAsNull()) {
                throw ReservaException.invalidField(required.field(), "cannot be cleared");
            }
        }
    }

    /** Whether the reservation is to take another place (time, service, party size, resources or area). */
    boolean moves() {
        return !movedFields().isEmpty();
    }

    Set<String> movedFields() {
        return namesOfSent(
                Stream.of(start, serviceId, partySize, preferredResourceId, seatingPreference, assignedResources));
    }

    Set<String> detailFields() {
        return namesOfSent(Stream.of(customerNotes, internalNotes, contactId, dealId, companyId, customFields));
    }

    /** The status asked for, when it differs from the current one. */
    boolean changesStatus(ReservationStatus current) {
        return status.isSent() && status.value() != current;
    }

    boolean sendsCancellationDetails() {
        return cancelledBy.isSent() || cancellationReason.isSent();
    }

    String cancellationDetailField() {
        return cancelledBy.isSent() ? cancelledBy.field() : cancellationReason.field();
    }

    private static Set<String> namesOfSent(Stream<Sent<?>> fields) {
        Set<String> names = new LinkedHashSet<>();
        fields.filter(Sent::isSent).forEach(f -> names.add(f.field()));
        return names;
    }
}

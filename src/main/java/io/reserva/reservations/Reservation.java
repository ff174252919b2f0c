package io.reserva.reservations;

import io.reserva.reservations.ReservationOccurrences.Occurrence;
import io.reserva.reservations.ReservationOccurrences.ReservationCancelled;
import io.reserva.reservations.ReservationOccurrences.ReservationCompleted;
import io.reserva.reservations.ReservationOccurrences.ReservationConfirmed;
import io.reserva.reservations.ReservationOccurrences.ReservationDetailsChanged;
import io.reserva.reservations.ReservationOccurrences.ReservationExpired;
import io.reserva.reservations.ReservationOccurrences.ReservationMarkedNoShow;
import io.reserva.reservations.ReservationOccurrences.ReservationMoved;
import io.reserva.reservations.ReservationOccurrences.ReservationSeated;
import io.reserva.reservations.ReservationOccurrences.ReservationSubmitted;
import io.reserva.reservations.ReservationOccurrences.StatusMoved;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A reservation and the rules of its life: which status may follow which, that a lapsed hold cannot be booked,
 * that a guest cancels only within the service's window, that only a reservation holding its place can move.
 * Each behaviour guards its move (throwing the error the API reports) and records what it caused; storing the
 * state and acting on the occurrences (allocations, outcomes, public events) is the application service's job.
 */
final class Reservation {

    ReservationRow state;
    private final List<Occurrence> occurrences = new ArrayList<>();

    Reservation(ReservationRow state) {
        this.state = state;
    }

    UUID id() {
        return state.id();
    }

    UUID organizationId() {
        return state.organizationId();
    }

    ReservationStatus status() {
        return state.status();
    }

    /** Held or pending, now confirmed. */
    void confirm(Instant now) {
        ReservationStatus from = enter(ReservationStatus.CONFIRMED, now);
        occurrences.add(new ReservationConfirmed(from));
    }

    /** A hold turned into a booking that waits for the venue's confirmation. */
    void awaitConfirmation(Instant now) {
        ReservationStatus from = enter(ReservationStatus.PENDING, now);
        occurrences.add(new ReservationSubmitted(from));
    }

    void seat(Instant now) {
        ReservationStatus from = enter(ReservationStatus.SEATED, now);
        occurrences.add(new ReservationSeated(from));
    }

    /** Completing early frees the rest of the time; the buffer after still applies (the table is cleared). */
    void complete(Instant now) {
        ReservationStatus from = enter(ReservationStatus.COMPLETED, now);
        Duration bufferAfter = Duration.between(state.endDatetime(), state.occupiedUntil());
        Instant freeFrom = now.isBefore(state.endDatetime()) ? now.plus(bufferAfter) : state.occupiedUntil();
        boolean freesTime = freeFrom.isBefore(state.occupiedUntil());
        if (freesTime) {
            state = state.occupiedUntil(freeFrom);
        }
        occurrences.add(new ReservationCompleted(from, freesTime ? freeFrom : null));
    }

    /**
     * Cancelled by the venue, the system, or the guest; a guest only while the policy lets them. Who cancelled
     * defaults to the organization.
     */
    void cancel(CancelledBy by, String reason, Instant now, CancellationPolicy policy) {
        CancelledBy who = by == null ? CancelledBy.ORGANIZATION : by;
        guard(ReservationStatus.CANCELLED, now);
        if (who == CancelledBy.CONTACT) {
            policy.requireGuestMayCancel(state.startDatetime(), now);
        }
        ReservationStatus from = state.status();
        state = state.withStatus(ReservationStatus.CANCELLED, now).withCancellation(now, who, reason);
        occurrences.add(new ReservationCancelled(from, who, reason));
    }

    void markNoShow(Instant now) {
        ReservationStatus from = enter(ReservationStatus.NO_SHOW, now);
        occurrences.add(new ReservationMarkedNoShow(from));
    }

    /** A hold that lapsed (or was let go) gives its place back. */
    void expire(Instant now) {
        ReservationStatus from = enter(ReservationStatus.EXPIRED, now);
        occurrences.add(new ReservationExpired(from));
    }

    /** The status move a client asked for by name, through the behaviour that makes it. */
    void moveStatusTo(ReservationStatus next, CancelledBy by, String reason, Instant now, CancellationPolicy policy) {
        switch (next) {
            case CONFIRMED -> confirm(now);
            case PENDING -> awaitConfirmation(now);
            case SEATED -> seat(now);
            case COMPLETED -> complete(now);
            case CANCELLED -> cancel(by, reason, now, policy);
            case NO_SHOW -> markNoShow(now);
            case EXPIRED -> expire(now);
            default -> guard(next, now);
        }
    }

    /**
     * Refuses to book a hold that has already expired with {@code hold_expired} rather than as an invalid move:
     * the guest took too long and may hold again. Checked before anything else of a change is applied.
     */
    void refuseToBookIfExpired(ReservationStatus next) {
        if (state.status() == ReservationStatus.EXPIRED
                && (next == ReservationStatus.CONFIRMED || next == ReservationStatus.PENDING)) {
            throw new ReservaException(ErrorCode.HOLD_EXPIRED, "The hold lapsed; hold or book again");
        }
    }

    /** Takes another place (time, service, party size, resources); only while it holds one. */
    void moveTo(
            Placement placement,
            UUID preferredResourceId,
            UUID seatingPreference,
            boolean override,
            Set<String> fields,
            Instant now) {
        requireMovable();
        state = state.withPlace(
                placement.service().id(),
                placement.partySize(),
                placement.start(),
                placement.end(),
                placement.occupiedFrom(),
                placement.occupiedUntil(),
                preferredResourceId,
                seatingPreference,
                placement.seatingPreferenceMet(),
                override,
                now);
        occurrences.add(new ReservationMoved(placement, Set.copyOf(fields)));
    }

    /** Refuses a move of a reservation that no longer holds a place: it is booked again instead. */
    void requireMovable() {
        if (!state.status().occupies()) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION,
                    "A " + state.status().wire() + " reservation cannot be moved; book again instead");
        }
    }

    /** Notes, references and custom fields as given; {@code fields} names those the change sent. */
    void changeDetails(
            UUID contactId,
            String customerNotes,
            String internalNotes,
            UUID dealId,
            UUID companyId,
            Map<String, Object> customFields,
            Set<String> fields,
            Instant now) {
        boolean touched = !fields.isEmpty() || occurrences.stream().anyMatch(o -> o instanceof ReservationMoved);
        state = state.withDetails(
                contactId, customerNotes, internalNotes, dealId, companyId, customFields, touched ? now : null);
        if (!fields.isEmpty()) {
            occurrences.add(new ReservationDetailsChanged(Set.copyOf(fields)));
        }
    }

    /** Records the details the guest typed (the contact it is filed under is changed with the other details). */
    void recordGuest(GuestDetails typed) {
        state = state.withGuest(typed, state.contactId());
        occurrences.add(new ReservationDetailsChanged(Set.of("guest_details")));
    }

    /** Whether this reservation counts as a real booking, so its required custom fields must be answered. */
    boolean holdsItsPlace() {
        ReservationStatus status = state.status();
        return status == ReservationStatus.PENDING
                || status == ReservationStatus.CONFIRMED
                || status == ReservationStatus.SEATED
                || status == ReservationStatus.COMPLETED;
    }

    /** What the behaviour so far caused, in order. */
    List<Occurrence> occurrences() {
        return List.copyOf(occurrences);
    }

    /** The status move recorded, if any. */
    Optional<StatusMoved> statusMove() {
        return occurrences.stream()
                .filter(StatusMoved.class::isInstance)
                .map(StatusMoved.class::cast)
                .findFirst();
    }

    /** The wire names of what changed, as a reservation.updated event lists them. */
    Set<String> changedFields() {
        Set<String> changed = new LinkedHashSet<>();
        for (Occurrence occurrence : occurrences) {
            if (occurrence instanceof ReservationMoved moved) {
                changed.addAll(moved.fields());
            } else if (occurrence instanceof ReservationDetailsChanged details) {
                changed.addAll(details.fields());
            } else if (occurrence instanceof StatusMoved) {
                changed.add("status");
            }
        }
        return changed;
    }

    private ReservationStatus enter(ReservationStatus next, Instant now) {
        guard(next, now);
        ReservationStatus from = state.status();
        state = state.withStatus(next, now);
        return from;
    }

    /** The status machine, and a lapsed hold: it can still be cancelled or expired, nothing else. */
    private void guard(ReservationStatus next, Instant now) {
        if (!state.status().canMoveTo(next)) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION,
                    "A " + state.status().wire() + " reservation cannot become " + next.wire());
        }
        if (state.holdLapsed(now) && next != ReservationStatus.CANCELLED && next != ReservationStatus.EXPIRED) {
            throw new ReservaException(ErrorCode.HOLD_EXPIRED, "The hold lapsed at " + state.holdExpiresAt());
        }
    }
}

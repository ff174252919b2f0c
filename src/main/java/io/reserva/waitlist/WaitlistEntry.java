package io.reserva.waitlist;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A waitlist entry and the rules of its life: which status may follow which (see {@link WaitlistEntryStatus}),
 * that seating links the reservation it became, that only a {@code later} entry is offered a held start, and that
 * an offer declined or let lapse puts the entry back in the queue, never to be offered that start again. Each
 * behaviour guards its move, throwing the error the API reports, and records the move; storing the entry and
 * booking are the application service's job.
 */
final class WaitlistEntry {

    /** A status move this entry made. */
    record StatusMoved(WaitlistEntryStatus from, WaitlistEntryStatus to) {}

    WaitlistEntryRow state;
    private final List<StatusMoved> moves = new ArrayList<>();

    WaitlistEntry(WaitlistEntryRow state) {
        this.state = state;
    }

    UUID id() {
        return state.id();
    }

    WaitlistEntryStatus status() {
        return state.status();
    }

    /** A {@code now} entry: the table is ready, come to the host stand. */
    void callToTable(Instant now) {
        if (state.kind() != WaitlistKind.NOW) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION,
                    "A later entry is offered a held start when one frees up, not called to a table");
        }
        enter(WaitlistEntryStatus.OFFERED, now);
    }

    /** A {@code later} entry: a start is held for the guest until {@code expiresAt}. */
    void offer(UUID heldReservation, Instant start, Instant expiresAt, Instant now) {
        if (state.kind() != WaitlistKind.LATER) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION, "Only a later entry is offered a start; call a now entry instead");
        }
        enter(WaitlistEntryStatus.OFFERED, now);
        state = state.withOffer(heldReservation, start, expiresAt);
    }

    /**
     * The guest declined the offered start or let it lapse: back to waiting, keeping the place in the queue, and
     * that start is never offered to this entry again.
     */
    void withdrawOffer(Instant now) {
        requireOpenOfferOrCall();
        Instant start = state.offerStart();
        enter(WaitlistEntryStatus.WAITING, now);
        state = state.withPassedStart(start).withOffer(null, null, null);
    }

    /**
     * Accepting an offer: it must still be open at {@code now} ({@code 409 offer_expired} once it lapsed, even
     * before the hold sweeper noticed). The entry is seated into the booked reservation.
     */
    void acceptOffer(UUID reservationId, Instant now) {
        requireOpenOffer(now);
        seat(reservationId, now);
    }

    /** Refuses unless a held start is on offer and has not lapsed at {@code now}. */
    void requireOpenOffer(Instant now) {
        if (state.status() != WaitlistEntryStatus.OFFERED || state.offerReservationId() == null) {
            throw new ReservaException(
                    ErrorCode.NO_OPEN_OFFER, "A " + state.status().wire() + " entry has no offer to answer");
        }
        if (!now.isBefore(state.offerExpiresAt())) {
            throw new ReservaException(ErrorCode.OFFER_EXPIRED, "The offer lapsed at " + state.offerExpiresAt());
        }
    }

    private void requireOpenOfferOrCall() {
        if (state.status() != WaitlistEntryStatus.OFFERED) {
            throw new ReservaException(
                    ErrorCode.NO_OPEN_OFFER, "A " + state.status().wire() + " entry has no offer to answer");
        }
    }

    void checkIn(Instant now) {
        enter(WaitlistEntryStatus.CHECKED_IN, now);
    }

    /** Seated: the entry became {@code reservationId}, which links back to it by its source. */
    void seat(UUID reservationId, Instant now) {
        enter(WaitlistEntryStatus.SEATED, now);
        state = state.withReservation(reservationId).withOffer(null, null, null);
    }

    /** The guest left the queue. */
    void cancel(Instant now) {
        enter(WaitlistEntryStatus.CANCELLED, now);
        state = state.withOffer(null, null, null);
    }

    /** The venue turned the party away. */
    void declineByMerchant(Instant now) {
        enter(WaitlistEntryStatus.DECLINED_BY_MERCHANT, now);
        state = state.withOffer(null, null, null);
    }

    void markNoShow(Instant now) {
        enter(WaitlistEntryStatus.NO_SHOW, now);
        state = state.withOffer(null, null, null);
    }

    /** The day (or the desired window) passed without a table. */
    void expire(Instant now) {
        enter(WaitlistEntryStatus.EXPIRED, now);
        state = state.withOffer(null, null, null);
    }

    /**
     * The move a client asked for by name. Seating needs a reservation and an offer of a start needs a hold, so
     * those go through their own behaviours; {@code offered} here calls a {@code now} party to its table.
     */
    void moveStatusTo(WaitlistEntryStatus next, Instant now) {
        switch (next) {
            case OFFERED -> callToTable(now);
            case WAITING -> withdrawOffer(now);
            case CHECKED_IN -> checkIn(now);
            case CANCELLED -> cancel(now);
            case DECLINED_BY_MERCHANT -> declineByMerchant(now);
            case NO_SHOW -> markNoShow(now);
            case EXPIRED -> expire(now);
            case SEATED ->
                throw ReservaException.invalidField(
                        "status", "seat an entry with POST /waitlist-entries/{id}/seat, which books its table");
            default -> throw new IllegalStateException("unknown status " + next);
        }
    }

    /** The status moves made so far, in order. */
    List<StatusMoved> moves() {
        return List.copyOf(moves);
    }

    Optional<StatusMoved> lastMove() {
        return moves.isEmpty() ? Optional.empty() : Optional.of(moves.get(moves.size() - 1));
    }

    private void enter(WaitlistEntryStatus next, Instant now) {
        WaitlistEntryStatus from = state.status();
        if (!from.canMoveTo(next)) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION, "A " + from.wire() + " waitlist entry cannot become " + next.wire());
        }
        state = state.withStatus(next, now);
        moves.add(new StatusMoved(from, next));
    }
}

package io.reserva.reservations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The units a reservation holds, written and given back. The exclusion constraint on the allocation rows is the
 * final word on double booking; this is the one place its refusal (SQLState 23P01) becomes a
 * {@link SlotTakenException}, which the application service answers by planning again. A deadlock detected while
 * the constraint is checked (40P01: two bookings or moves each waiting for the other's uncommitted units) is the
 * same race lost the other way, and PostgreSQL has already rolled the transaction back: it is planned again too.
 */
@Component
class Allocations {

    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String DEADLOCK = "40P01";

    private final ReservationRepository reservations;

    Allocations(ReservationRepository reservations) {
        this.reservations = reservations;
    }

    /**
     * Stores a new reservation with its units in one round trip; a confirmation code already taken in the
     * organization (rare: one in tens of millions per draw) is drawn again.
     */
    ReservationRow insertNew(Function<String, ReservationRow> withCode, List<AllocationRow> units) {
        return translated(() -> {
            ReservationRow candidate = withCode.apply(ConfirmationCodes.next());
            while (!reservations.insertWithAllocations(candidate, units)) {
                candidate = withCode.apply(ConfirmationCodes.next());
            }
            return candidate;
        });
    }

    /**
     * The old units make way for the new ones inside the transaction: if the new ones cannot be written, the
     * rollback keeps the old place.
     */
    void replace(UUID organizationId, UUID reservationId, List<AllocationRow> units) {
        reservations.deleteAllocations(organizationId, reservationId);
        translated(() -> {
            reservations.insertAllocations(
                    organizationId,
                    units.stream().map(unit -> unit.of(reservationId)).toList());
            return null;
        });
    }

    /** Gives the place back; a shared-seating allocation passes to {@code heir}, another party of the start. */
    void release(UUID organizationId, UUID reservationId, Optional<UUID> heir) {
        if (heir.isPresent()) {
            reservations.moveAllocations(organizationId, reservationId, heir.get());
        } else {
            reservations.deleteAllocations(organizationId, reservationId);
        }
    }

    /** Frees the time from {@code freeFrom} on; all of it when that is not after the start of the occupation. */
    void freeFrom(ReservationRow row, Instant freeFrom) {
        if (!freeFrom.isAfter(row.occupiedFrom())) {
            reservations.deleteAllocations(row.organizationId(), row.id());
        } else {
            reservations.shortenAllocations(row.organizationId(), row.id(), freeFrom);
        }
    }

    private static <T> T translated(Supplier<T> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (lostARace(e)) {
                throw new SlotTakenException();
            }
            throw e;
        }
    }

    private static boolean lostARace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && (EXCLUSION_VIOLATION.equals(sql.getSQLState()) || DEADLOCK.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}

package io.reserva.reservations;

import io.reserva.catalog.ReservationService;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a guest may still cancel or change their booking: the service must allow it, and only until its
 * deadline (so many hours before the start; none means until the start). Staff are not bound by it.
 *
 * @param allowsGuests whether guests may cancel or change at all
 * @param deadlineHours hours before the start after which they no longer may; null means until the start
 */
public record CancellationPolicy(boolean allowsGuests, Integer deadlineHours) {

    public static CancellationPolicy of(ReservationService service) {
        return new CancellationPolicy(service.allowCancellation(), service.cancellationDeadlineHours());
    }

    /** The last moment a guest may cancel or change a booking starting at {@code start}. */
    public Instant deadline(Instant start) {
        return start.minus(Duration.ofHours(deadlineHours == null ? 0 : deadlineHours));
    }

    /** The deadline to show a guest: only when guests may cancel and the service sets one. */
    public Instant shownDeadline(Instant start) {
        return allowsGuests && deadlineHours != null ? deadline(start) : null;
    }

    /** Whether a guest may still cancel or reschedule this booking: pending or confirmed, within the window. */
    public boolean guestMayChange(ReservationView reservation, Instant now) {
        return (reservation.status() == ReservationStatus.PENDING
                        || reservation.status() == ReservationStatus.CONFIRMED)
                && guestMayChange(reservation.startDatetime(), now);
    }

    public boolean guestMayChange(Instant start, Instant now) {
        return allowsGuests && !now.isAfter(deadline(start));
    }

    /** Throws {@code outside_cancellation_window} unless a guest may still cancel. */
    void requireGuestMayCancel(Instant start, Instant now) {
        if (!allowsGuests) {
            throw new ReservaException(
                    ErrorCode.OUTSIDE_CANCELLATION_WINDOW, "This service does not allow guests to cancel");
        }
        if (!guestMayChange(start, now)) {
            throw new ReservaException(
                    ErrorCode.OUTSIDE_CANCELLATION_WINDOW,
                    "Guests can cancel until " + hours() + " hours before the start (" + deadline(start) + ")");
        }
    }

    /** Throws {@code outside_cancellation_window} unless a guest may still change the booking. */
    void requireGuestMayReschedule(Instant start, Instant now) {
        if (!guestMayChange(start, now)) {
            throw new ReservaException(
                    ErrorCode.OUTSIDE_CANCELLATION_WINDOW,
                    allowsGuests
                            ? "Guests can change a booking until " + hours() + " hours before the start"
                            : "This service does not allow guests to change a booking");
        }
    }

    private int hours() {
        return deadlineHours == null ? 0 : deadlineHours;
    }
}

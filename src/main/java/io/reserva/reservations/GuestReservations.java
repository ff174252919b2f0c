package io.reserva.reservations;

import io.reserva.catalog.ReservationService;
import io.reserva.contacts.ContactDetails;
import io.reserva.contacts.ContactDirectory;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What a guest may do with a booking, for every channel that lets guests book themselves (booking pages today):
 * hold a start, confirm the hold with their details, cancel, and reschedule under the service's
 * {@link CancellationPolicy}. What the guest typed is kept on the booking ({@link GuestDetails}) and is all of the
 * guest that a channel shows back ({@link ReservationView#forGuest()}). The rules are the reservations module's own; a channel only decides which
 * reservation the guest is entitled to and what it shows.
 */
@Service
public class GuestReservations {

    private final ReservationManagement management;
    private final ContactDirectory contacts;

    GuestReservations(ReservationManagement management, ContactDirectory contacts) {
        this.management = management;
        this.contacts = contacts;
    }

    /** What a guest asks to hold; {@code seatingPreference} is an area of the floor, null for any. */
    public record GuestHold(
            UUID serviceId,
            int partySize,
            Instant startDatetime,
            int holdMinutes,
            ReservationSource source,
            UUID seatingPreference,
            Map<String, Object> customFieldsByKey) {

        /** A hold anywhere on the floor. */
        public GuestHold(
                UUID serviceId,
                int partySize,
                Instant startDatetime,
                int holdMinutes,
                ReservationSource source,
                Map<String, Object> customFieldsByKey) {
            this(serviceId, partySize, startDatetime, holdMinutes, source, null, customFieldsByKey);
        }
    }

    /** What a guest asks to book at once (no hold first), with their details. */
    public record GuestBooking(
            UUID serviceId,
            int partySize,
            Instant startDatetime,
            ReservationSource source,
            ContactDetails contact,
            String customerNotes) {}

    /** A guest's details confirming a hold; null notes or custom fields leave those as they are. */
    public record GuestConfirmation(
            ContactDetails contact, String customerNotes, Map<String, Object> customFieldsByKey) {}

    /** Holds the start; taken since the guest saw it is {@code 409 slot_unavailable}, with the nearest starts. */
    public ReservationView hold(UUID organizationId, GuestHold hold) {
        return management.create(
                venue(organizationId),
                new NewReservation(
                        organizationId,
                        hold.serviceId(),
                        null,
                        null,
                        hold.partySize(),
                        hold.startDatetime(),
                        ReservationStatus.HELD,
                        hold.holdMinutes(),
                        hold.source(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        hold.seatingPreference(),
                        null,
                        hold.customFieldsByKey(),
                        null));
    }

    /**
     * Books at once (pending when the service requires confirmation, else confirmed), for channels whose guest
     * has chosen everything before asking, such as Google. The guest is matched or created in the booking's
     * transaction (existing contact values are never overwritten), and the channel's {@code recorder} writes its
     * own record there too. A start that is not free is {@code 409 slot_unavailable}.
     */
    public ReservationView book(UUID organizationId, GuestBooking booking, BookingRecorder recorder) {
        return management.create(
                venue(organizationId),
                new NewReservation(
                        organizationId,
                        booking.serviceId(),
                        null,
                        new NewReservation.InlineContact(
                                booking.contact().firstName(),
                                booking.contact().lastName(),
                                booking.contact().email(),
                                booking.contact().phone()),
                        booking.partySize(),
                        booking.startDatetime(),
                        null,
                        null,
                        booking.source(),
                        booking.customerNotes(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                recorder);
    }

    /** The reservation, for a channel that has already established the guest's right to it. */
    public ReservationView get(UUID organizationId, UUID reservationId) {
        return management.get(venue(organizationId), reservationId);
    }

    /**
     * Books the guest's hold (pending when the service requires confirmation, else confirmed). The guest is
     * matched or created in the same transaction, so a refused confirmation leaves no contact behind. A booking
     * already made stands (a repeated click); a lapsed hold is {@code 409 hold_expired}.
     */
    public ReservationView confirmHold(UUID organizationId, UUID reservationId, GuestConfirmation confirmation) {
        return management.change(organizationId, reservationId, (current, snapshot, now) -> {
            if (current.status() == ReservationStatus.PENDING || current.status() == ReservationStatus.CONFIRMED) {
                return Optional.empty();
            }
            if (current.status() == ReservationStatus.EXPIRED || current.holdLapsed(now)) {
                throw new ReservaException(
                        ErrorCode.HOLD_EXPIRED,
                        "The hold lapsed"
                                + (current.holdExpiresAt() == null ? "" : " at " + current.holdExpiresAt())
                                + "; pick a time again");
            }
            if (current.status() != ReservationStatus.HELD) {
                throw new ReservaException(
                        ErrorCode.INVALID_TRANSITION,
                        "This booking is " + current.status().wire() + " and cannot be confirmed");
            }
            ReservationService service = Placements.serviceOf(snapshot, current.serviceId());
            // The booking keeps what the guest typed; it is filed under an existing contact only when the name
            // typed is that contact's too, and the contact is never changed (ContactDirectory.matchGuest).
            ContactDirectory.GuestMatch match = contacts.matchGuest(organizationId, confirmation.contact());
            ReservationChanges.Builder change = ReservationChanges.builder()
                    .status(service.requiresConfirmation() ? ReservationStatus.PENDING : ReservationStatus.CONFIRMED)
                    .contactId(match.linked() == null ? null : match.linked().id());
            if (confirmation.customerNotes() != null) {
                change.customerNotes(confirmation.customerNotes());
            }
            if (confirmation.customFieldsByKey() != null) {
                change.customFieldsByKey(confirmation.customFieldsByKey());
            }
            return Optional.of(ReservationEdit.of(change.build())
                    .withGuest(GuestDetails.typed(match.typed(), match.unverified())));
        });
    }

    /** Cancels as the guest ({@code cancelled_by: contact}): the service's cancellation policy applies. */
    public ReservationView cancel(UUID organizationId, UUID reservationId, String reason) {
        ReservationChanges.Builder change =
                ReservationChanges.builder().status(ReservationStatus.CANCELLED).cancelledBy(CancelledBy.CONTACT);
        if (reason != null) {
            change.cancellationReason(reason);
        }
        return management.update(venue(organizationId), reservationId, change.build());
    }

    /**
     * Moves a booking to another start (and party size) of the same service, under the same policy as a guest's
     * cancellation: only a pending or confirmed booking, and only while the guest could still cancel it.
     */
    public ReservationView reschedule(UUID organizationId, UUID reservationId, Instant start, Integer partySize) {
        return management.change(organizationId, reservationId, (current, snapshot, now) -> {
            if (current.status() != ReservationStatus.PENDING && current.status() != ReservationStatus.CONFIRMED) {
                throw new ReservaException(
                        ErrorCode.INVALID_TRANSITION,
                        "A " + current.status().wire() + " booking cannot be rescheduled; book again instead");
            }
            ReservationManagement.policyOf(snapshot, current.serviceId())
                    .requireGuestMayReschedule(current.startDatetime(), now);
            ReservationChanges.Builder change = ReservationChanges.builder().startDatetime(start);
            if (partySize != null) {
                change.partySize(partySize);
            }
            return Optional.of(ReservationEdit.of(change.build()));
        });
    }

    /** The organization acting for its guest: no API key, staff powers, never an override. */
    private static Caller venue(UUID organizationId) {
        return new Caller(null, organizationId, Role.STAFF);
    }
}

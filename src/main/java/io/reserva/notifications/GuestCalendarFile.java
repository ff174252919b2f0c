package io.reserva.notifications;

import io.reserva.bookingpages.GuestBookingCommands;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.ReservationService;
import io.reserva.reservations.GuestReservations;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.tenancy.Role;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.springframework.stereotype.Service;

/**
 * A guest's booking as a calendar file ("add to calendar"), opened with their private manage token: one event with
 * the same UID as the invites their emails carry and the SEQUENCE those reached, so a calendar that has both keeps
 * one event. It says only what the guest's own email says: the service, the venue, the time and the code.
 */
@Service
public class GuestCalendarFile {

    private final GuestBookingCommands bookings;
    private final GuestReservations reservations;
    private final CalendarFeedRepository feeds;
    private final OrganizationManagement organizations;
    private final Catalog catalog;

    GuestCalendarFile(
            GuestBookingCommands bookings,
            GuestReservations reservations,
            CalendarFeedRepository feeds,
            OrganizationManagement organizations,
            Catalog catalog) {
        this.bookings = bookings;
        this.reservations = reservations;
        this.feeds = feeds;
        this.organizations = organizations;
        this.catalog = catalog;
    }

    /** The {@code .ics} of the booking behind the token; an unknown or expired token is {@code not_found}. */
    public String render(UUID organizationId, String slug, String token) {
        UUID reservationId = bookings.reservationOfManageToken(organizationId, slug, token);
        ReservationView reservation = reservations.get(organizationId, reservationId);
        Organization organization = organizations.get(new Caller(null, organizationId, Role.STAFF), organizationId);
        String service = catalog.snapshot(organizationId)
                .service(reservation.serviceId())
                .map(ReservationService::name)
                .orElse("");
        int sequence =
                feeds.inviteSequences(organizationId, List.of(reservationId)).getOrDefault(reservationId, 0);
        return CalendarInvites.publish(
                organization.name(),
                List.of(CalendarInvites.feedEvent(
                        reservationId,
                        reservation.startDatetime(),
                        reservation.endDatetime(),
                        sequence,
                        statusOf(reservation.status()),
                        reservation.updatedAt(),
                        service + " · " + organization.name(),
                        reservation.confirmationCode(),
                        organization.address())));
    }

    private static Status statusOf(ReservationStatus status) {
        switch (status) {
            case CANCELLED:
            case EXPIRED:
            case NO_SHOW:
                return ImmutableStatus.VEVENT_CANCELLED;
            case HELD:
            case PENDING:
                return ImmutableStatus.VEVENT_TENTATIVE;
            default:
                return ImmutableStatus.VEVENT_CONFIRMED;
        }
    }
}

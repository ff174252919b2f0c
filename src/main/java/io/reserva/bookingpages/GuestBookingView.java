package io.reserva.bookingpages;

import io.reserva.bookingpages.GuestModels.GuestBooking;
import io.reserva.bookingpages.GuestModels.PublicPageConfig;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.ReservationService;
import io.reserva.contacts.Contact;
import io.reserva.contacts.ContactDirectory;
import io.reserva.reservations.CancellationPolicy;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** A guest's booking as their manage page shows it; whether they may still change it is the policy's call. */
@Component
class GuestBookingView {

    private final Catalog catalog;
    private final ContactDirectory contacts;
    private final OrganizationManagement organizations;
    private final Clock clock;

    GuestBookingView(Catalog catalog, ContactDirectory contacts, OrganizationManagement organizations, Clock clock) {
        this.catalog = catalog;
        this.contacts = contacts;
        this.organizations = organizations;
        this.clock = clock;
    }

    GuestBooking of(BookingLink link, String token, ReservationView reservation) {
        ReservationService service = catalog.snapshot(link.organizationId())
                .service(reservation.serviceId())
                .orElseThrow();
        CancellationPolicy policy = CancellationPolicy.of(service);
        Contact contact = reservation.contactId() == null
                ? null
                : contacts.find(link.organizationId(), reservation.contactId()).orElse(null);
        return new GuestBooking(
                token,
                BookingLink.pathOf(link.organizationId(), link.slug()) + "/manage/" + token,
                reservation.confirmationCode(),
                reservation.status().wire(),
                service.id(),
                service.name(),
                reservation.partySize(),
                reservation.startDatetime(),
                reservation.endDatetime(),
                service.timezone(),
                reservation.status() == ReservationStatus.HELD ? reservation.holdExpiresAt() : null,
                contact == null ? null : contact.firstName(),
                contact == null ? null : contact.lastName(),
                reservation.customerNotes(),
                reservation.customFieldsByKey(),
                policy.guestMayChange(reservation, clock.instant()),
                policy.shownDeadline(reservation.startDatetime()),
                link.isActive(),
                organizations
                        .find(link.organizationId())
                        .map(Organization::name)
                        .orElse(null),
                PublicPageConfig.of(link.pageConfig()));
    }
}

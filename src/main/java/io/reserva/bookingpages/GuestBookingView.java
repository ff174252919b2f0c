package io.reserva.bookingpages;

import io.reserva.bookingpages.GuestModels.GuestBooking;
import io.reserva.bookingpages.GuestModels.PublicArea;
import io.reserva.bookingpages.GuestModels.PublicPageConfig;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationService;
import io.reserva.reservations.CancellationPolicy;
import io.reserva.reservations.GuestDetails;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * A guest's booking as their manage page shows it; whether they may still change it is the policy's call. The
 * guest is shown as they typed it ({@link ReservationView#forGuest()}), never as a stored contact.
 */
@Component
class GuestBookingView {

    private final Catalog catalog;
    private final OrganizationManagement organizations;
    private final Clock clock;

    GuestBookingView(Catalog catalog, OrganizationManagement organizations, Clock clock) {
        this.catalog = catalog;
        this.organizations = organizations;
        this.clock = clock;
    }

    GuestBooking of(BookingLink link, String token, ReservationView stored) {
        ReservationView reservation = stored.forGuest();
        CatalogSnapshot snapshot = catalog.snapshot(link.organizationId());
        ReservationService service = snapshot.service(reservation.serviceId()).orElseThrow();
        // The area the guest asked for (they chose it from the page), by its name; deleting it clears the preference.
        PublicArea preference = reservation.seatingPreference() == null
                ? null
                : snapshot.area(reservation.seatingPreference())
                        .map(area -> new PublicArea(area.id(), area.name()))
                        .orElse(null);
        CancellationPolicy policy = CancellationPolicy.of(service);
        GuestDetails guest = reservation.guestDetails();
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
                guest == null ? null : guest.firstName(),
                guest == null ? null : guest.lastName(),
                reservation.customerNotes(),
                reservation.customFieldsByKey(),
                preference,
                preference == null ? null : reservation.seatingPreferenceMet(),
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

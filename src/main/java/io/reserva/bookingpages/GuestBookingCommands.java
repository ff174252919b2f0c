package io.reserva.bookingpages;

import io.reserva.bookingpages.GuestModels.GuestBooking;
import io.reserva.bookingpages.GuestModels.GuestContact;
import io.reserva.bookingpages.GuestModels.GuestDetails;
import io.reserva.bookingpages.GuestModels.HoldRequest;
import io.reserva.bookingpages.GuestModels.RescheduleRequest;
import io.reserva.catalog.ReservationService;
import io.reserva.contacts.ContactDetails;
import io.reserva.reservations.GuestReservations;
import io.reserva.reservations.GuestReservations.GuestConfirmation;
import io.reserva.reservations.GuestReservations.GuestHold;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationSource;
import io.reserva.reservations.ReservationView;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * What a guest does on a booking page, scoped to one link: hold a start, confirm it with their details, and
 * later see, cancel or reschedule it with their private token. The rules (hold lapse, cancellation window, what
 * a guest may change) are the reservations module's {@link GuestReservations}; this class decides only which
 * booking the token opens and what the page requires (the guest's name and email, the page's policy accepted).
 * The guest chooses only what a guest may: the service (among the link's), party size, start, an area (among the
 * link's), contact details, custom field answers and notes.
 */
@Service
public class GuestBookingCommands {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final GuestBookingPage page;
    private final GuestBookingView view;
    private final BookingLinkRepository links;
    private final GuestReservations guests;
    private final ReservationManagement reservations;
    private final BookingPageProperties properties;
    private final Clock clock;

    GuestBookingCommands(
            GuestBookingPage page,
            GuestBookingView view,
            BookingLinkRepository links,
            GuestReservations guests,
            ReservationManagement reservations,
            BookingPageProperties properties,
            Clock clock) {
        this.page = page;
        this.view = view;
        this.links = links;
        this.guests = guests;
        this.reservations = reservations;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Holds the start for the guest and hands back the private token that confirms and later manages it. A start
     * taken since the guest saw it is {@code 409 slot_unavailable}, with the nearest free starts. A seating
     * preference must be one of the areas the page offers ({@code 422} naming {@code seating_preference}).
     */
    public GuestBooking hold(UUID organizationId, String slug, HoldRequest request) {
        BookingLink link = page.activeLink(organizationId, slug);
        ReservationService service = page.offeredService(link, request.serviceId());
        if (request.seatingPreference() != null
                && page.offeredArea(link, request.seatingPreference()).isEmpty()) {
            throw new ReservaException(
                    ErrorCode.VALIDATION_FAILED,
                    "seating_preference is not an area this page offers",
                    List.of(new FieldError("seating_preference", "is not an area this page offers")));
        }
        ReservationView held = guests.hold(
                organizationId,
                new GuestHold(
                        service.id(),
                        request.partySize(),
                        request.startDatetime(),
                        properties.holdMinutes(),
                        ReservationSource.BOOKING_PAGE,
                        request.seatingPreference(),
                        request.customFieldsByKey()));
        String token = Secrets.newSecret("");
        links.insertManageToken(organizationId, held.id(), link.id(), Secrets.sha256(token), clock.instant());
        return view.of(link, token, held);
    }

    /**
     * Turns the guest's hold into a booking with their contact details. A lapsed hold is {@code 409 hold_expired}:
     * the page keeps what the guest typed and lets them pick a start again.
     */
    public GuestBooking confirm(UUID organizationId, String slug, String token, GuestDetails details) {
        BookingLink link = page.activeLink(organizationId, slug);
        UUID reservationId = reservationIdOf(link, token);
        List<FieldError> errors = new ArrayList<>();
        GuestContact contact = details.contact();
        required(contact.firstName(), "contact.first_name", errors);
        required(contact.lastName(), "contact.last_name", errors);
        required(contact.email(), "contact.email", errors);
        if (link.pageConfig().policyText() != null && !Boolean.TRUE.equals(details.policyAccepted())) {
            errors.add(new FieldError("policy_accepted", "the booking policy must be accepted"));
        }
        ReservaException.throwIfAny(errors);
        ReservationView booked = guests.confirmHold(
                organizationId,
                reservationId,
                new GuestConfirmation(
                        new ContactDetails(contact.firstName(), contact.lastName(), contact.email(), contact.phone()),
                        details.customerNotes(),
                        details.customFieldsByKey()));
        return view.of(link, token, booked);
    }

    /** The guest's booking behind their token; works on inactive links too, so guests can still cancel. */
    public GuestBooking booking(UUID organizationId, String slug, String token) {
        BookingLink link = page.anyLink(organizationId, slug);
        return view.of(link, token, reservations.get(venue(organizationId), reservationIdOf(link, token)));
    }

    /** Cancels as the guest ({@code cancelled_by: contact}): the service's cancellation policy applies. */
    public GuestBooking cancel(UUID organizationId, String slug, String token, String reason) {
        BookingLink link = page.anyLink(organizationId, slug);
        ReservationView cancelled = guests.cancel(organizationId, reservationIdOf(link, token), reason);
        return view.of(link, token, cancelled);
    }

    /** Moves the booking to another start (and party size) of the same service, under the cancellation policy. */
    public GuestBooking reschedule(UUID organizationId, String slug, String token, RescheduleRequest request) {
        BookingLink link = page.activeLink(organizationId, slug);
        ReservationView moved = guests.reschedule(
                organizationId, reservationIdOf(link, token), request.startDatetime(), request.partySize());
        return view.of(link, token, moved);
    }

    /**
     * The reservation a guest's manage token opens on this page (active or not), for what the guest may fetch
     * beside the page, such as the booking as a calendar file; an unknown or expired token is {@code not_found}.
     */
    public UUID reservationOfManageToken(UUID organizationId, String slug, String token) {
        return reservationIdOf(page.anyLink(organizationId, slug), token);
    }

    private UUID reservationIdOf(BookingLink link, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw bookingNotFound();
        }
        return links.reservationOfToken(link.organizationId(), link.id(), Secrets.sha256(token), clock.instant())
                .orElseThrow(GuestBookingCommands::bookingNotFound);
    }

    /** The organization acting through its own public page: no API key, staff powers. */
    private static Caller venue(UUID organizationId) {
        return new Caller(null, organizationId, Role.STAFF);
    }

    private static void required(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static ReservaException bookingNotFound() {
        return new ReservaException(ErrorCode.NOT_FOUND, "There is no booking for this link");
    }
}

package io.reserva.bookingpages;

import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearch;
import io.reserva.availability.SlotSearchResult;
import io.reserva.bookingpages.GuestModels.GuestBooking;
import io.reserva.bookingpages.GuestModels.GuestContact;
import io.reserva.bookingpages.GuestModels.GuestDetails;
import io.reserva.bookingpages.GuestModels.HoldRequest;
import io.reserva.bookingpages.GuestModels.PublicBookingPage;
import io.reserva.bookingpages.GuestModels.PublicCustomField;
import io.reserva.bookingpages.GuestModels.PublicDay;
import io.reserva.bookingpages.GuestModels.PublicPageConfig;
import io.reserva.bookingpages.GuestModels.PublicService;
import io.reserva.bookingpages.GuestModels.PublicSlot;
import io.reserva.bookingpages.GuestModels.PublicSlots;
import io.reserva.bookingpages.GuestModels.RescheduleRequest;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationService;
import io.reserva.contacts.Contact;
import io.reserva.contacts.ContactDetails;
import io.reserva.contacts.ContactDirectory;
import io.reserva.customfields.CustomField;
import io.reserva.customfields.CustomFieldManagement;
import io.reserva.reservations.CancelledBy;
import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationChanges;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationSource;
import io.reserva.reservations.ReservationStatus;
import io.reserva.reservations.ReservationView;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.tenancy.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * What a guest does on a booking page, scoped to one link: see what it offers, look for a free start, hold it,
 * confirm it with their details, and later see, cancel or reschedule it with their private token.
 *
 * <p>Everything goes through the same facades the API uses, as the link's organization with a staff role (no API
 * key behind it). The guest chooses only what a guest may: the service (among the link's), party size, start,
 * contact details, custom field answers and notes. Source is always booking_page; overrides, resources,
 * internal notes and other statuses are never taken from the client.
 */
@Service
public class GuestBookings {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int RANGE_DAYS = 62;

    private final BookingLinkRepository links;
    private final OrganizationManagement organizations;
    private final Catalog catalog;
    private final SlotFinder slotFinder;
    private final ReservationManagement reservations;
    private final CustomFieldManagement customFields;
    private final ContactDirectory contacts;
    private final BookingPageProperties properties;
    private final Clock clock;

    GuestBookings(
            BookingLinkRepository links,
            OrganizationManagement organizations,
            Catalog catalog,
            SlotFinder slotFinder,
            ReservationManagement reservations,
            CustomFieldManagement customFields,
            ContactDirectory contacts,
            BookingPageProperties properties,
            Clock clock) {
        this.links = links;
        this.organizations = organizations;
        this.catalog = catalog;
        this.slotFinder = slotFinder;
        this.reservations = reservations;
        this.customFields = customFields;
        this.contacts = contacts;
        this.properties = properties;
        this.clock = clock;
    }

    /** The active link at this address, or not_found (an inactive link looks exactly like a missing one). */
    public BookingLink activeLink(UUID organizationId, String slug) {
        return link(organizationId, slug)
                .filter(BookingLink::isActive)
                .orElseThrow(() -> pageNotFound(organizationId, slug));
    }

    public Organization organization(UUID organizationId) {
        return organizations.find(organizationId).orElseThrow(() -> pageNotFound(organizationId, ""));
    }

    public PublicBookingPage page(UUID organizationId, String slug) {
        BookingLink link = activeLink(organizationId, slug);
        Organization organization = organization(organizationId);
        List<PublicService> services = offered(link, catalog.snapshot(organizationId)).stream()
                .map(GuestBookings::publicService)
                .toList();
        return new PublicBookingPage(
                organizationId,
                organization.name(),
                link.slug(),
                link.name(),
                link.mode(),
                PublicPageConfig.of(link.pageConfig()),
                services,
                reservationFields(organizationId),
                properties.holdMinutes());
    }

    public PublicSlots slots(
            UUID organizationId, String slug, UUID serviceId, int partySize, LocalDate start, LocalDate end) {
        BookingLink link = activeLink(organizationId, slug);
        ReservationService service = offeredService(link, serviceId);
        LocalDate last = end == null ? start : end;
        if (last.isBefore(start)) {
            throw invalidQuery("end_date", "must not be before start_date");
        }
        if (start.plusDays(RANGE_DAYS - 1).isBefore(last)) {
            throw invalidQuery("end_date", "a range covers at most " + RANGE_DAYS + " days");
        }
        SlotSearchResult result = slotFinder.find(
                caller(organizationId),
                new SlotSearch(organizationId, service.id(), start, last, partySize, null, false));
        List<PublicDay> days = result.days().stream()
                .map(day -> new PublicDay(
                        day.date(),
                        day.bookable(),
                        day.reason(),
                        day.slots().stream()
                                .map(slot -> new PublicSlot(slot.startDatetime(), slot.endDatetime(), slot.localTime()))
                                .toList()))
                .toList();
        return new PublicSlots(service.id(), result.timezone(), partySize, days);
    }

    /**
     * Holds the start for the guest and hands back the private token that confirms and later manages it. A start
     * taken since the guest saw it is {@code 409 slot_unavailable}, with the nearest free starts.
     */
    public GuestBooking hold(UUID organizationId, String slug, HoldRequest request) {
        BookingLink link = activeLink(organizationId, slug);
        ReservationService service = offeredService(link, request.serviceId());
        ReservationView held = reservations.create(
                caller(organizationId),
                new NewReservation(
                        organizationId,
                        service.id(),
                        null,
                        null,
                        request.partySize(),
                        request.startDatetime(),
                        ReservationStatus.HELD,
                        properties.holdMinutes(),
                        ReservationSource.BOOKING_PAGE,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        request.customFieldsByKey(),
                        null));
        String token = Secrets.newSecret("");
        links.insertManageToken(organizationId, held.id(), link.id(), Secrets.sha256(token), clock.instant());
        return view(link, token, held);
    }

    /**
     * Turns the guest's hold into a booking (pending when the service requires confirmation, else confirmed)
     * with their contact details. A lapsed hold is {@code 409 hold_expired}: the page keeps what the guest typed
     * and lets them pick a start again.
     */
    public GuestBooking confirm(UUID organizationId, String slug, String token, GuestDetails details) {
        BookingLink link = activeLink(organizationId, slug);
        ReservationView current = reservationOf(link, token);
        if (current.status() == ReservationStatus.PENDING || current.status() == ReservationStatus.CONFIRMED) {
            return view(link, token, current); // a repeated click: the booking stands
        }
        if (current.status() == ReservationStatus.EXPIRED
                || (current.status() == ReservationStatus.HELD
                        && !current.holdExpiresAt().isAfter(clock.instant()))) {
            throw holdExpired(current);
        }
        if (current.status() != ReservationStatus.HELD) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION,
                    "This booking is " + current.status().wire() + " and cannot be confirmed");
        }
        List<FieldError> errors = new ArrayList<>();
        GuestContact contact = details.contact();
        required(contact.firstName(), "contact.first_name", errors);
        required(contact.lastName(), "contact.last_name", errors);
        required(contact.email(), "contact.email", errors);
        if (link.pageConfig().policyText() != null && !Boolean.TRUE.equals(details.policyAccepted())) {
            errors.add(new FieldError("policy_accepted", "the booking policy must be accepted"));
        }
        ReservaException.throwIfAny(errors);
        ReservationService service = catalog.snapshot(organizationId)
                .service(current.serviceId())
                .orElseThrow(() -> pageNotFound(organizationId, slug));
        Contact guest = contacts.matchOrCreate(
                organizationId,
                new ContactDetails(contact.firstName(), contact.lastName(), contact.email(), contact.phone()));
        ReservationChanges.Builder change = ReservationChanges.builder()
                .status(service.requiresConfirmation() ? ReservationStatus.PENDING : ReservationStatus.CONFIRMED)
                .contactId(guest.id());
        if (details.customerNotes() != null) {
            change.customerNotes(details.customerNotes());
        }
        if (details.customFieldsByKey() != null) {
            change.customFieldsByKey(details.customFieldsByKey());
        }
        ReservationView booked = reservations.update(caller(organizationId), current.id(), change.build());
        return view(link, token, booked);
    }

    /** The guest's booking behind their token; works on inactive links too, so guests can still cancel. */
    public GuestBooking booking(UUID organizationId, String slug, String token) {
        BookingLink link = anyLink(organizationId, slug);
        return view(link, token, reservationOf(link, token));
    }

    /** Cancels as the guest ({@code cancelled_by: contact}): the service's cancellation policy applies. */
    public GuestBooking cancel(UUID organizationId, String slug, String token, String reason) {
        BookingLink link = anyLink(organizationId, slug);
        ReservationView current = reservationOf(link, token);
        ReservationChanges.Builder change =
                ReservationChanges.builder().status(ReservationStatus.CANCELLED).cancelledBy(CancelledBy.CONTACT);
        if (reason != null) {
            change.cancellationReason(reason);
        }
        ReservationView cancelled = reservations.update(caller(organizationId), current.id(), change.build());
        return view(link, token, cancelled);
    }

    /**
     * Moves the booking to another start (and party size) of the same service, under the same policy as a guest's
     * cancellation: only while the guest could still cancel.
     */
    public GuestBooking reschedule(UUID organizationId, String slug, String token, RescheduleRequest request) {
        BookingLink link = activeLink(organizationId, slug);
        ReservationView current = reservationOf(link, token);
        if (current.status() != ReservationStatus.PENDING && current.status() != ReservationStatus.CONFIRMED) {
            throw new ReservaException(
                    ErrorCode.INVALID_TRANSITION,
                    "A " + current.status().wire() + " booking cannot be rescheduled; book again instead");
        }
        ReservationService service =
                catalog.snapshot(organizationId).service(current.serviceId()).orElseThrow();
        if (!canChange(service, current, clock.instant())) {
            throw new ReservaException(
                    ErrorCode.OUTSIDE_CANCELLATION_WINDOW,
                    service.allowCancellation()
                            ? "Guests can change a booking until " + service.cancellationDeadlineHours()
                                    + " hours before the start"
                            : "This service does not allow guests to change a booking");
        }
        ReservationChanges.Builder change = ReservationChanges.builder().startDatetime(request.startDatetime());
        if (request.partySize() != null) {
            change.partySize(request.partySize());
        }
        ReservationView moved = reservations.update(caller(organizationId), current.id(), change.build());
        return view(link, token, moved);
    }

    private GuestBooking view(BookingLink link, String token, ReservationView reservation) {
        ReservationService service = catalog.snapshot(link.organizationId())
                .service(reservation.serviceId())
                .orElseThrow();
        Contact contact = reservation.contactId() == null
                ? null
                : contacts.find(link.organizationId(), reservation.contactId()).orElse(null);
        Instant now = clock.instant();
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
                (reservation.status() == ReservationStatus.PENDING
                                || reservation.status() == ReservationStatus.CONFIRMED)
                        && canChange(service, reservation, now),
                service.allowCancellation() && service.cancellationDeadlineHours() != null
                        ? reservation.startDatetime().minus(Duration.ofHours(service.cancellationDeadlineHours()))
                        : null,
                link.isActive(),
                organizations
                        .find(link.organizationId())
                        .map(Organization::name)
                        .orElse(null),
                PublicPageConfig.of(link.pageConfig()));
    }

    /** The rule the reservations module applies to a guest's cancellation, for showing and for rescheduling. */
    private static boolean canChange(ReservationService service, ReservationView reservation, Instant now) {
        if (!service.allowCancellation()) {
            return false;
        }
        int hours = service.cancellationDeadlineHours() == null ? 0 : service.cancellationDeadlineHours();
        return !now.isAfter(reservation.startDatetime().minus(Duration.ofHours(hours)));
    }

    private ReservationView reservationOf(BookingLink link, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw bookingNotFound();
        }
        UUID id = links.reservationOfToken(link.organizationId(), link.id(), Secrets.sha256(token))
                .orElseThrow(GuestBookings::bookingNotFound);
        return reservations.get(caller(link.organizationId()), id);
    }

    private List<ReservationService> offered(BookingLink link, CatalogSnapshot snapshot) {
        List<ReservationService> open = snapshot.services().stream()
                .filter(s -> s.isActive() && s.isPublic())
                .toList();
        List<ReservationService> chosen = switch (link.mode()) {
            case ALL_SERVICES -> open;
            case SINGLE_SERVICE ->
                open.stream().filter(s -> s.id().equals(link.serviceId())).toList();
            case SELECTED_SERVICES -> {
                List<UUID> ids = link.pageConfig().bookingServiceIds() == null
                        ? List.of()
                        : link.pageConfig().bookingServiceIds();
                yield open.stream().filter(s -> ids.contains(s.id())).toList();
            }
        };
        return chosen.stream()
                .sorted(Comparator.comparing(ReservationService::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private ReservationService offeredService(BookingLink link, UUID serviceId) {
        return offered(link, catalog.snapshot(link.organizationId())).stream()
                .filter(s -> s.id().equals(serviceId))
                .findFirst()
                .orElseThrow(() -> ReservaException.notFound("Reservation service", serviceId));
    }

    private List<PublicCustomField> reservationFields(UUID organizationId) {
        return customFields
                .list(
                        caller(organizationId),
                        CustomFieldManagement.QUERY.parse(Map.of(
                                "entity_type", new String[] {"reservation"},
                                "is_active", new String[] {"true"},
                                "$limit", new String[] {"50"})))
                .data()
                .stream()
                .map(GuestBookings::publicField)
                .toList();
    }

    private static PublicCustomField publicField(CustomField field) {
        return new PublicCustomField(
                field.key(),
                field.label(),
                field.fieldType().wire(),
                field.options(),
                field.isRequired(),
                field.description());
    }

    private static PublicService publicService(ReservationService s) {
        return new PublicService(
                s.id(),
                s.name(),
                s.description(),
                s.durationMinutes(),
                s.minPartySize(),
                s.maxPartySize(),
                s.price(),
                s.currency(),
                s.imageUrl(),
                s.timezone(),
                s.requiresConfirmation(),
                s.allowCancellation(),
                s.cancellationDeadlineHours(),
                s.maxAdvanceDays());
    }

    private Optional<BookingLink> link(UUID organizationId, String slug) {
        if (slug == null
                || slug.length() > BookingLinkRules.SLUG_MAX
                || !BookingLinkRules.SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return links.findBySlug(organizationId, slug);
    }

    /** The link at this address, active or not: a guest's manage page outlives the page taking bookings. */
    public BookingLink anyLink(UUID organizationId, String slug) {
        return link(organizationId, slug).orElseThrow(() -> pageNotFound(organizationId, slug));
    }

    /** The organization acting through its own public page: no API key, staff powers, used only here. */
    private static Caller caller(UUID organizationId) {
        return new Caller(null, organizationId, Role.STAFF);
    }

    private static void required(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }

    private static ReservaException holdExpired(ReservationView reservation) {
        return new ReservaException(
                ErrorCode.HOLD_EXPIRED,
                "The hold lapsed"
                        + (reservation.holdExpiresAt() == null ? "" : " at " + reservation.holdExpiresAt())
                        + "; pick a time again");
    }

    private static ReservaException pageNotFound(UUID organizationId, String slug) {
        return new ReservaException(ErrorCode.NOT_FOUND, "There is no active booking page at this address");
    }

    private static ReservaException bookingNotFound() {
        return new ReservaException(ErrorCode.NOT_FOUND, "There is no booking for this link");
    }

    private static ReservaException invalidQuery(String field, String message) {
        return new ReservaException(
                ErrorCode.INVALID_QUERY, field + " " + message, List.of(new FieldError(field, message)));
    }
}

package io.reserva.bookingpages;

import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearch;
import io.reserva.availability.SlotSearchResult;
import io.reserva.bookingpages.GuestModels.PublicArea;
import io.reserva.bookingpages.GuestModels.PublicBookingPage;
import io.reserva.bookingpages.GuestModels.PublicCustomField;
import io.reserva.bookingpages.GuestModels.PublicDay;
import io.reserva.bookingpages.GuestModels.PublicPageConfig;
import io.reserva.bookingpages.GuestModels.PublicService;
import io.reserva.bookingpages.GuestModels.PublicSlot;
import io.reserva.bookingpages.GuestModels.PublicSlots;
import io.reserva.bookingpages.GuestModels.PublicVenue;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationService;
import io.reserva.customfields.CustomField;
import io.reserva.customfields.CustomFieldManagement;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.tenancy.Role;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A booking page as a guest sees it before booking: the link at an address, the services it offers, the custom
 * fields it asks for, and the free starts. Read-only; booking is {@link GuestBookingCommands}.
 */
@Service
public class GuestBookingPage {

    private static final int RANGE_DAYS = 62;

    private final BookingLinkRepository links;
    private final OrganizationManagement organizations;
    private final Catalog catalog;
    private final SlotFinder slotFinder;
    private final CustomFieldManagement customFields;
    private final BookingPageProperties properties;

    GuestBookingPage(
            BookingLinkRepository links,
            OrganizationManagement organizations,
            Catalog catalog,
            SlotFinder slotFinder,
            CustomFieldManagement customFields,
            BookingPageProperties properties) {
        this.links = links;
        this.organizations = organizations;
        this.catalog = catalog;
        this.slotFinder = slotFinder;
        this.customFields = customFields;
        this.properties = properties;
    }

    /** The active link at this address, or not_found (an inactive link looks exactly like a missing one). */
    public BookingLink activeLink(UUID organizationId, String slug) {
        return link(organizationId, slug).filter(BookingLink::isActive).orElseThrow(GuestBookingPage::pageNotFound);
    }

    /** The link at this address, active or not: a guest's manage page outlives the page taking bookings. */
    public BookingLink anyLink(UUID organizationId, String slug) {
        return link(organizationId, slug).orElseThrow(GuestBookingPage::pageNotFound);
    }

    public Organization organization(UUID organizationId) {
        return organizations.find(organizationId).orElseThrow(GuestBookingPage::pageNotFound);
    }

    public PublicBookingPage page(UUID organizationId, String slug) {
        BookingLink link = activeLink(organizationId, slug);
        Organization organization = organization(organizationId);
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        List<PublicService> services = offered(link, snapshot).stream()
                .map(GuestBookingPage::publicService)
                .toList();
        return new PublicBookingPage(
                organizationId,
                organization.name(),
                new PublicVenue(
                        organization.name(),
                        blankToNull(organization.address()),
                        blankToNull(organization.phone()),
                        link.pageConfig().logoUrl(),
                        organization.timezone()),
                link.slug(),
                link.name(),
                link.mode(),
                PublicPageConfig.of(link.pageConfig()),
                services,
                offeredAreas(link, snapshot),
                reservationFields(organizationId),
                properties.holdMinutes());
    }

    /**
     * The free starts of a service of the link, per day; with an area (one the link offers, else {@code 400
     * invalid_query} naming {@code area_id}), only the starts where a party asking for it sits there.
     */
    public PublicSlots slots(
            UUID organizationId,
            String slug,
            UUID serviceId,
            int partySize,
            LocalDate start,
            LocalDate end,
            UUID areaId) {
        BookingLink link = activeLink(organizationId, slug);
        ReservationService service = offeredService(link, serviceId);
        if (areaId != null && offeredArea(link, areaId).isEmpty()) {
            throw invalidQuery("area_id", "is not an area this page offers");
        }
        LocalDate last = end == null ? start : end;
        if (last.isBefore(start)) {
            throw invalidQuery("end_date", "must not be before start_date");
        }
        if (start.plusDays(RANGE_DAYS - 1).isBefore(last)) {
            throw invalidQuery("end_date", "a range covers at most " + RANGE_DAYS + " days");
        }
        SlotSearchResult result = slotFinder.find(
                new Caller(null, organizationId, Role.STAFF),
                new SlotSearch(organizationId, service.id(), start, last, partySize, null, areaId, false));
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

    /** A service this link offers, or not_found. */
    ReservationService offeredService(BookingLink link, UUID serviceId) {
        return offered(link, catalog.snapshot(link.organizationId())).stream()
                .filter(s -> s.id().equals(serviceId))
                .findFirst()
                .orElseThrow(() -> ReservaException.notFound("Reservation service", serviceId));
    }

    /** An area this link offers its guests, if it is one (an area of the catalog that the link lists). */
    Optional<PublicArea> offeredArea(BookingLink link, UUID areaId) {
        return offeredAreas(link, catalog.snapshot(link.organizationId())).stream()
                .filter(area -> area.id().equals(areaId))
                .findFirst();
    }

    /** The link's areas as the page shows them: id and name, in the link's order, only those the catalog has. */
    private static List<PublicArea> offeredAreas(BookingLink link, CatalogSnapshot snapshot) {
        return link.areaIds().stream()
                .flatMap(id -> snapshot.area(id).stream())
                .map(area -> new PublicArea(area.id(), area.name()))
                .toList();
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

    private List<PublicCustomField> reservationFields(UUID organizationId) {
        return customFields
                .list(
                        new Caller(null, organizationId, Role.STAFF),
                        CustomFieldManagement.QUERY.parse(Map.of(
                                "entity_type", new String[] {"reservation"},
                                "is_active", new String[] {"true"},
                                "$limit", new String[] {"50"})))
                .data()
                .stream()
                .map(GuestBookingPage::publicField)
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

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ReservaException pageNotFound() {
        return new ReservaException(ErrorCode.NOT_FOUND, "There is no active booking page at this address");
    }

    private static ReservaException invalidQuery(String field, String message) {
        return new ReservaException(
                ErrorCode.INVALID_QUERY, field + " " + message, List.of(new FieldError(field, message)));
    }
}

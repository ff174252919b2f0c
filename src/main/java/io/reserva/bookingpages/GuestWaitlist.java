package io.reserva.bookingpages;

import io.reserva.bookingpages.GuestModels.GuestContact;
import io.reserva.bookingpages.GuestModels.GuestWaitlistEntry;
import io.reserva.bookingpages.GuestModels.PublicPageConfig;
import io.reserva.bookingpages.GuestModels.WaitlistJoinRequest;
import io.reserva.catalog.Catalog;
import io.reserva.catalog.ReservationService;
import io.reserva.reservations.NewReservation.InlineContact;
import io.reserva.reservations.ReservationManagement;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import io.reserva.waitlist.NewWaitlistEntry;
import io.reserva.waitlist.WaitlistEntrySource;
import io.reserva.waitlist.WaitlistEntryStatus;
import io.reserva.waitlist.WaitlistEntryView;
import io.reserva.waitlist.WaitlistKind;
import io.reserva.waitlist.WaitlistManagement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The waitlist as a guest reaches it from a booking page: join (a later start on a day with nothing that suits
 * them, or, when the link allows it, today's queue at the door), then follow the entry through a private token:
 * see the place and the estimate, leave, and answer an offer. The rules are the waitlist module's; this class
 * decides only which entry a token opens, what the page requires (a first name and a phone, since the venue
 * calls the guest back), and what the guest is shown (only what they sent or own).
 *
 * <p>Accepting an offer here files the booking's manage link under the same token, so the guest keeps one
 * private link: the status page shows the booking's manage page once the offer is accepted.
 */
@Service
public class GuestWaitlist {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final GuestBookingPage page;
    private final BookingLinkRepository links;
    private final WaitlistManagement waitlist;
    private final ReservationManagement reservations;
    private final Catalog catalog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GuestWaitlist(
            GuestBookingPage page,
            BookingLinkRepository links,
            WaitlistManagement waitlist,
            ReservationManagement reservations,
            Catalog catalog,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.page = page;
        this.links = links;
        this.waitlist = waitlist;
        this.reservations = reservations;
        this.catalog = catalog;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Puts the guest on the list and hands back the private token of their status page. A page whose link does not
     * take the waitlist answers {@code 404}, as if the address were wrong; a {@code now} join on a link that takes
     * only later entries is {@code 422} on {@code kind}. The entry and its token are written together or not at
     * all.
     */
    public GuestWaitlistEntry join(UUID organizationId, String slug, WaitlistJoinRequest request) {
        BookingLink link = page.activeLink(organizationId, slug);
        if (!link.pageConfig().takesLaterWaitlist()) {
            throw new ReservaException(ErrorCode.NOT_FOUND, "This booking page has no waitlist");
        }
        ReservationService service = page.offeredService(link, request.serviceId());
        List<FieldError> errors = new ArrayList<>();
        WaitlistKind kind = WaitlistKind.LATER;
        if ("now".equals(request.kind())) {
            kind = WaitlistKind.NOW;
            if (!link.pageConfig().takesNowWaitlist()) {
                errors.add(new FieldError("kind", "this page takes the waitlist for later days only"));
            }
        } else if (request.kind() != null && !"later".equals(request.kind())) {
            errors.add(new FieldError("kind", "must be later or now"));
        }
        GuestContact contact = request.contact();
        if (contact.firstName() == null || contact.firstName().isBlank()) {
            errors.add(new FieldError("contact.first_name", "is required"));
        }
        if (contact.phone() == null || contact.phone().isBlank()) {
            errors.add(
                    new FieldError("contact.phone", "is required: the venue calls or texts you when a table frees up"));
        }
        ReservaException.throwIfAny(errors);
        String token = Secrets.newSecret("");
        NewWaitlistEntry entry = new NewWaitlistEntry(
                organizationId,
                service.id(),
                null,
                new InlineContact(contact.firstName(), contact.lastName(), contact.email(), contact.phone()),
                request.partySize(),
                kind,
                request.date(),
                request.windowStart(),
                request.windowEnd(),
                request.notes(),
                null,
                WaitlistEntrySource.BOOKING_PAGE);
        WaitlistEntryView joined = transaction.execute(status -> {
            WaitlistEntryView created = waitlist.create(venue(organizationId), entry);
            links.insertWaitlistToken(organizationId, created.id(), link.id(), Secrets.sha256(token), clock.instant());
            return created;
        });
        return view(link, token, joined, true);
    }

    /** The guest's entry behind their token; works on inactive links too, so guests can still leave. */
    public GuestWaitlistEntry entry(UUID organizationId, String slug, String token) {
        BookingLink link = page.anyLink(organizationId, slug);
        return view(link, token, waitlist.get(venue(organizationId), entryIdOf(link, token)), false);
    }

    /** The guest leaves the list; an open offer's start passes to the next guest. */
    public GuestWaitlistEntry cancel(UUID organizationId, String slug, String token) {
        BookingLink link = page.anyLink(organizationId, slug);
        return view(link, token, waitlist.cancelByGuest(organizationId, entryIdOf(link, token)), false);
    }

    /**
     * Accepts the start on offer: a confirmed booking, whose manage page opens with the same token. A lapsed offer
     * is {@code 409 offer_expired}, none open {@code 409 no_open_offer}; the entry then keeps its place.
     */
    public GuestWaitlistEntry accept(UUID organizationId, String slug, String token) {
        BookingLink link = page.anyLink(organizationId, slug);
        BookingLinkRepository.WaitlistToken opened = tokenOf(link, token);
        WaitlistEntryView accepted = transaction.execute(status -> {
            WaitlistEntryView seated = waitlist.acceptOffer(venue(organizationId), opened.entryId());
            if (opened.expiresAt() == null) {
                links.insertManageToken(
                        organizationId, seated.reservationId(), link.id(), Secrets.sha256(token), clock.instant());
            } else {
                // An offer email's link manages the booking it made for as long as the link itself works.
                links.insertMessageToken(
                        organizationId,
                        seated.reservationId(),
                        link.id(),
                        Secrets.sha256(token),
                        opened.expiresAt(),
                        clock.instant());
            }
            return seated;
        });
        return view(link, token, accepted, false);
    }

    /** Declines the start on offer: it passes to the next guest, and this one keeps waiting. */
    public GuestWaitlistEntry decline(UUID organizationId, String slug, String token) {
        BookingLink link = page.anyLink(organizationId, slug);
        return view(link, token, waitlist.declineOffer(venue(organizationId), entryIdOf(link, token)), false);
    }

    private GuestWaitlistEntry view(BookingLink link, String token, WaitlistEntryView entry, boolean showToken) {
        ReservationService service = catalog.snapshot(link.organizationId())
                .service(entry.serviceId())
                .orElseThrow();
        boolean offerOpen = entry.status() == WaitlistEntryStatus.OFFERED
                && entry.offerExpiresAt() != null
                && clock.instant().isBefore(entry.offerExpiresAt());
        String confirmationCode = null;
        String managePath = null;
        if (entry.reservationId() != null
                && Objects.equals(
                        links.reservationOfToken(
                                        link.organizationId(), link.id(), Secrets.sha256(token), clock.instant())
                                .orElse(null),
                        entry.reservationId())) {
            confirmationCode = reservations
                    .get(venue(link.organizationId()), entry.reservationId())
                    .confirmationCode();
            managePath = BookingLink.pathOf(link.organizationId(), link.slug()) + "/manage/" + token;
        }
        return new GuestWaitlistEntry(
                showToken ? token : null,
                BookingLink.pathOf(link.organizationId(), link.slug()) + "/waitlist/" + token,
                entry.kind().wire(),
                entry.status().wire(),
                service.id(),
                service.name(),
                entry.partySize(),
                entry.date(),
                entry.windowStart(),
                entry.windowEnd(),
                service.timezone(),
                entry.position(),
                entry.partiesAhead(),
                entry.estimatedSeatFrom(),
                entry.estimatedSeatTo(),
                entry.offerStart(),
                entry.offerExpiresAt(),
                offerOpen,
                entry.status().isActive(),
                confirmationCode,
                managePath,
                page.organization(link.organizationId()).name(),
                PublicPageConfig.of(link.pageConfig()));
    }

    private UUID entryIdOf(BookingLink link, String token) {
        return tokenOf(link, token).entryId();
    }

    /** The page's own status token or an offer email's that has not expired; anything else is {@code 404}. */
    private BookingLinkRepository.WaitlistToken tokenOf(BookingLink link, String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw entryNotFound();
        }
        return links.waitlistEntryOfToken(link.organizationId(), link.id(), Secrets.sha256(token), clock.instant())
                .orElseThrow(GuestWaitlist::entryNotFound);
    }

    /** The organization acting through its own public page: no API key, staff powers. */
    private static Caller venue(UUID organizationId) {
        return new Caller(null, organizationId, Role.STAFF);
    }

    private static ReservaException entryNotFound() {
        return new ReservaException(ErrorCode.NOT_FOUND, "There is no waitlist entry for this link");
    }
}

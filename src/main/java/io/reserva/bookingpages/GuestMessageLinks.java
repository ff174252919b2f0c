package io.reserva.bookingpages;

import io.reserva.shared.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What a guest's messages take from the booking page: a manage link of their own, and the page's look (logo and
 * colour). The page shows its manage token once and keeps only a hash, so a message cannot repeat it; each message
 * is given a new token instead, stored hashed like the first, which opens the same booking on the same page until
 * it expires.
 */
@Service
public class GuestMessageLinks {

    /** A booking page's logo and colour as the venue set them; either may be null. */
    public record PageLook(String logoUrl, String primaryColor) {

        static final PageLook NONE = new PageLook(null, null);
    }

    private final BookingLinkRepository links;
    private final Clock clock;

    GuestMessageLinks(BookingLinkRepository links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /**
     * What messages about these reservations of one organization take from the booking pages, read in at most two
     * queries (the pages they were booked on, and the organization's first active page for those booked elsewhere)
     * instead of several per message.
     */
    public MessagePages pagesOf(UUID organizationId, Collection<UUID> reservationIds) {
        Map<UUID, BookingLinkRepository.ReservationLink> byReservation = new HashMap<>();
        for (BookingLinkRepository.ReservationLink link : links.linksOfReservations(
                organizationId,
                reservationIds.stream().filter(Objects::nonNull).distinct().toList())) {
            byReservation.put(link.reservationId(), link);
        }
        return new MessagePages(organizationId, byReservation);
    }

    /** The booking pages behind a batch of one organization's messages; see {@link #pagesOf}. One thread uses it. */
    public final class MessagePages {

        private final UUID organizationId;
        private final Map<UUID, BookingLinkRepository.ReservationLink> byReservation;
        private Optional<BookingLink> firstActive;

        private MessagePages(UUID organizationId, Map<UUID, BookingLinkRepository.ReservationLink> byReservation) {
            this.organizationId = organizationId;
            this.byReservation = byReservation;
        }

        /**
         * The language of the booking page the reservation was made on ({@code en} or {@code es}); empty when it was
         * not made on one (or the page has none). A message speaks the page's language.
         */
        public Optional<String> localeOf(UUID reservationId) {
            return Optional.ofNullable(reservationId == null ? null : byReservation.get(reservationId))
                    .filter(BookingLinkRepository.ReservationLink::bookedThere)
                    .map(link -> link.link().pageConfig().locale())
                    .filter(locale -> !locale.isEmpty());
        }

        /**
         * The look of the page the booking was made on, else of the organization's first active page, else none: the
         * same logo and colour the guest saw while booking.
         */
        public PageLook lookOf(UUID reservationId) {
            Optional<BookingLink> link = Optional.ofNullable(
                            reservationId == null ? null : byReservation.get(reservationId))
                    .map(BookingLinkRepository.ReservationLink::link);
            return link.or(this::firstActive)
                    .map(BookingLink::pageConfig)
                    .map(config -> new PageLook(config.logoUrl(), config.primaryColor()))
                    .orElse(PageLook.NONE);
        }

        /**
         * Issues a manage token for each booking made on a booking page and answers their paths
         * ({@code /b/{organization_id}/{slug}/manage/{token}}) in the order asked, each valid until its
         * {@code expiresAt}; empty for a booking made elsewhere (the API, an assistant, a channel), which has no page
         * to manage it on. The tokens are stored in one statement, and only in the answer: what is stored is their
         * SHA-256.
         */
        public List<Optional<String>> issueManagePaths(List<ManageLinkRequest> requests) {
            List<Optional<String>> paths = new ArrayList<>(requests.size());
            List<BookingLinkRepository.MessageToken> tokens = new ArrayList<>();
            for (ManageLinkRequest request : requests) {
                BookingLinkRepository.ReservationLink link = byReservation.get(request.reservationId());
                if (link == null) {
                    paths.add(Optional.empty());
                    continue;
                }
                String token = Secrets.newSecret("");
                tokens.add(new BookingLinkRepository.MessageToken(
                        request.reservationId(), link.link().id(), Secrets.sha256(token), request.expiresAt()));
                paths.add(Optional.of(
                        BookingLink.pathOf(organizationId, link.link().slug()) + "/manage/" + token));
            }
            links.insertMessageTokens(organizationId, tokens, clock.instant());
            return paths;
        }

        private Optional<BookingLink> firstActive() {
            if (firstActive == null) {
                firstActive = links.firstActiveLink(organizationId);
            }
            return firstActive;
        }
    }

    /** A manage link wanted for a message about {@code reservationId}, working until {@code expiresAt}. */
    public record ManageLinkRequest(UUID reservationId, Instant expiresAt) {}

    /**
     * Issues a status token for a waitlist entry joined on a booking page and answers the path of its private
     * status page ({@code /b/{organization_id}/{slug}/waitlist/{token}}), where the guest accepts or declines an
     * offer, valid until {@code expiresAt}; empty for an entry joined elsewhere (staff, the API, a channel), which
     * has no status page. As for manage links, only the token's SHA-256 is stored.
     */
    public Optional<String> issueWaitlistStatusPath(UUID organizationId, UUID waitlistEntryId, Instant expiresAt) {
        return links.linkOfWaitlistEntry(organizationId, waitlistEntryId).map(link -> {
            String token = Secrets.newSecret("");
            links.insertWaitlistMessageToken(
                    organizationId, waitlistEntryId, link.id(), Secrets.sha256(token), expiresAt, clock.instant());
            return BookingLink.pathOf(organizationId, link.slug()) + "/waitlist/" + token;
        });
    }
}

package io.reserva.bookingpages;

import io.reserva.shared.Secrets;
import java.time.Clock;
import java.time.Instant;
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
     * Issues a manage token for a booking made on a booking page and answers its path
     * ({@code /b/{organization_id}/{slug}/manage/{token}}), valid until {@code expiresAt}; empty for a booking made
     * elsewhere (the API, an assistant, a channel), which has no page to manage it on. The token itself is only in
     * the answer: what is stored is its SHA-256.
     */
    public Optional<String> issueManagePath(UUID organizationId, UUID reservationId, Instant expiresAt) {
        return links.linkOfReservation(organizationId, reservationId).map(link -> {
            String token = Secrets.newSecret("");
            links.insertMessageToken(
                    organizationId, reservationId, link.id(), Secrets.sha256(token), expiresAt, clock.instant());
            return BookingLink.pathOf(organizationId, link.slug()) + "/manage/" + token;
        });
    }

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

    /**
     * The look of the page the booking was made on, else of the organization's first active page, else none: the
     * same logo and colour the guest saw while booking.
     */
    public PageLook lookOf(UUID organizationId, UUID reservationId) {
        Optional<BookingLink> link =
                reservationId == null ? Optional.empty() : links.linkOfReservation(organizationId, reservationId);
        return link.or(() -> links.firstActiveLink(organizationId))
                .map(BookingLink::pageConfig)
                .map(config -> new PageLook(config.logoUrl(), config.primaryColor()))
                .orElse(PageLook.NONE);
    }
}

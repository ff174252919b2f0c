package io.reserva.notifications;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unsubscribe link of guest emails. Following it (a {@code POST}, as RFC 8058's one-click unsubscribe does; a
 * {@code GET} only shows the button, since mail scanners open links) stops the non-essential messages of that
 * organization to that guest: reminders and the hold-expired note. What the guest booked, changed or had cancelled
 * is still told: that is the booking itself, not a message one subscribes to.
 */
@Service
public class GuestUnsubscribes {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** What the unsubscribe page shows: the venue's name and the guest's language. */
    public record UnsubscribePage(String organizationName, Locale locale) {}

    private final UnsubscribeRepository unsubscribes;
    private final OrganizationManagement organizations;
    private final Clock clock;

    GuestUnsubscribes(UnsubscribeRepository unsubscribes, OrganizationManagement organizations, Clock clock) {
        this.unsubscribes = unsubscribes;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The page behind a token; an unknown token is {@code not_found}. */
    public UnsubscribePage page(UUID organizationId, String token) {
        contactOf(organizationId, token);
        Organization organization = organizations.find(organizationId).orElseThrow(GuestUnsubscribes::notFound);
        return new UnsubscribePage(organization.name(), MessageSending.supported(organization.locale()));
    }

    /** Unsubscribes the guest behind the token from non-essential email; saying it twice is fine. */
    @Transactional
    public UnsubscribePage unsubscribe(UUID organizationId, String token) {
        UnsubscribePage page = page(organizationId, token);
        unsubscribes.unsubscribe(organizationId, contactOf(organizationId, token), clock.instant());
        return page;
    }

    /** New tokens for messages to these guests, one each in the same order, stored in one round trip. */
    List<String> issueAll(List<NotificationRepository.OrganizationContact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>(contacts.size());
        List<byte[]> hashes = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            String token = Secrets.newSecret("");
            tokens.add(token);
            hashes.add(Secrets.sha256(token));
        }
        unsubscribes.insertTokens(contacts, hashes, clock.instant());
        return tokens;
    }

    Set<NotificationRepository.OrganizationContact> unsubscribed(
            Collection<NotificationRepository.OrganizationContact> contacts) {
        return unsubscribes.unsubscribed(contacts);
    }

    /** The path of an unsubscribe link, below the server's public URL. */
    static String pathOf(UUID organizationId, String token) {
        return "/public/notifications/" + organizationId + "/unsubscribe/" + token;
    }

    private UUID contactOf(UUID organizationId, String token) {
        return Optional.ofNullable(token)
                .filter(t -> TOKEN.matcher(t).matches())
                .flatMap(t -> unsubscribes.contactOfToken(organizationId, Secrets.sha256(t)))
                .orElseThrow(GuestUnsubscribes::notFound);
    }

    private static ReservaException notFound() {
        return new ReservaException(ErrorCode.NOT_FOUND, "This unsubscribe link is not known");
    }
}

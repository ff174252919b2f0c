package io.reserva.contacts;

import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other modules ask of contacts: find one, find-or-create the guest of a booking, and count how a
 * reservation ended. Also the look-ups of the companies and deals a reservation may refer to.
 */
@Service
public class ContactDirectory {

    /** Each lost race means another booking created the guest meanwhile; the next look-up finds it. */
    private static final int ATTEMPTS = 5;

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final DealRepository deals;
    private final OrganizationManagement organizations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    ContactDirectory(
            ContactRepository contacts,
            CompanyRepository companies,
            DealRepository deals,
            OrganizationManagement organizations,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.contacts = contacts;
        this.companies = companies;
        this.deals = deals;
        this.organizations = organizations;
        this.events = events;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    public Optional<Contact> find(UUID organizationId, UUID contactId) {
        return contacts.find(organizationId, contactId);
    }

    /**
     * The tags of the organization's contacts among these ids, by id (for a day's guests: one query, no other
     * column); unknown ids are left out, a contact without tags has an empty list.
     */
    public Map<UUID, List<String>> tagsOf(UUID organizationId, Collection<UUID> contactIds) {
        return contacts.tagsOf(organizationId, contactIds);
    }

    /** The organization's contact with this phone number (E.164), if any: phones are unique per organization. */
    public Optional<Contact> findByPhone(UUID organizationId, String e164) {
        return contacts.findByPhone(organizationId, e164);
    }

    public Optional<Company> findCompany(UUID organizationId, UUID companyId) {
        return companies.find(organizationId, companyId);
    }

    public Optional<Deal> findDeal(UUID organizationId, UUID dealId) {
        return deals.find(organizationId, dealId);
    }

    /**
     * By email (case-insensitive), then by phone (E.164 after normalizing with the organization's country), else
     * a new contact. Validation errors name fields as "contact.first_name", "contact.phone", …; an inline contact
     * needs a first name or last name, and an email or a phone. Filling in missing name/email/phone on a matched
     * contact is fine; never overwrite existing values. Safe under concurrency: two bookings for the same new
     * guest at once end with one contact (the unique indexes decide; the loser finds the winner's row).
     *
     * <p>Contact custom fields marked required are not asked for here: a booking carries none, and refusing
     * the booking for them would lose the guest. Assumes the default READ COMMITTED isolation.
     */
    @Transactional
    public Contact matchOrCreate(UUID organizationId, ContactDetails details) {
        ContactDetails typed = checked(organizationId, details);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Contact> match = match(organizationId, typed);
            if (match.isPresent()) {
                return fillIn(match.get(), typed.firstName(), typed.lastName(), typed.email(), typed.phone());
            }
            Optional<Contact> created = createIfAbsent(organizationId, typed);
            if (created.isPresent()) {
                return created.get();
            }
        }
        throw new IllegalStateException("Could neither find nor create the contact after " + ATTEMPTS + " attempts");
    }

    /**
     * What a guest typed on a channel without an API key (a booking page, an AI assistant): validated and
     * normalized as {@link #matchOrCreate}, {@code typed}; and the contact the booking is filed under.
     * {@code linked} is null when the email or phone typed belongs to a contact whose name the guest did not type:
     * that contact is then {@code unverified}, for staff to review, so nobody can file bookings under a stranger's
     * history by knowing their email. A matched contact is never changed (no filling in either: a stranger could
     * otherwise add their own phone to someone's card), and nothing of it is for the guest to see.
     */
    public record GuestMatch(ContactDetails typed, Contact linked, UUID unverified) {}

    /**
     * Files a guest's booking: a new contact from what they typed; an existing contact when the email or phone
     * typed is its and the name typed is its too (first and last, ignoring case and surrounding spaces) and no
     * other detail typed contradicts it; otherwise no contact, and the match left for review. Never changes a
     * stored contact. Same concurrency guarantees as {@link #matchOrCreate}.
     */
    @Transactional
    public GuestMatch matchGuest(UUID organizationId, ContactDetails details) {
        ContactDetails typed = checked(organizationId, details);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Contact> match = match(organizationId, typed);
            if (match.isPresent()) {
                Contact stored = match.get();
                return isSameGuest(stored, typed)
                        ? new GuestMatch(typed, stored, null)
                        : new GuestMatch(typed, null, stored.id());
            }
            Optional<Contact> created = createIfAbsent(organizationId, typed);
            if (created.isPresent()) {
                return new GuestMatch(typed, created.get(), null);
            }
        }
        throw new IllegalStateException("Could neither find nor create the contact after " + ATTEMPTS + " attempts");
    }

    /** The name typed is the stored one, and an email or phone typed besides the matching one is the stored one. */
    static boolean isSameGuest(Contact stored, ContactDetails typed) {
        return sameText(stored.firstName(), typed.firstName())
                && sameText(stored.lastName(), typed.lastName())
                && (typed.email() == null
                        || stored.email() == null
                        || typed.email().equals(stored.email()))
                && (typed.phone() == null
                        || stored.phone() == null
                        || typed.phone().equals(stored.phone()));
    }

    private static boolean sameText(String stored, String typed) {
        String a = stored == null ? "" : stored.strip();
        String b = typed == null ? "" : typed.strip();
        return a.equalsIgnoreCase(b);
    }

    /** Validates and normalizes inline contact details; errors name "contact.first_name", "contact.phone", ... */
    private ContactDetails checked(UUID organizationId, ContactDetails details) {
        Organization organization = organizations
                .find(organizationId)
                .orElseThrow(() -> ReservaException.notFound("Organization", organizationId));
        List<FieldError> errors = new ArrayList<>();
        String firstName =
                ContactRules.optionalText(details.firstName(), "contact.first_name", ContactRules.NAME_MAX, errors);
        String lastName =
                ContactRules.optionalText(details.lastName(), "contact.last_name", ContactRules.NAME_MAX, errors);
        String email = ContactRules.email(details.email(), "contact.email", errors);
        String phone = ContactRules.phone(details.phone(), organization.country(), "contact.phone", errors);
        if (firstName == null && lastName == null) {
            errors.add(new FieldError("contact.first_name", "a first name or a last name is required"));
        }
        if (email == null && phone == null) {
            errors.add(new FieldError("contact.email", "an email or a phone is required"));
        }
        ReservaException.throwIfAny(errors);
        return new ContactDetails(firstName, lastName, email, phone);
    }

    /** By email (case-insensitive), then by phone (E.164). */
    private Optional<Contact> match(UUID organizationId, ContactDetails typed) {
        Optional<Contact> match =
                typed.email() == null ? Optional.empty() : contacts.findByEmail(organizationId, typed.email());
        if (match.isEmpty() && typed.phone() != null) {
            match = contacts.findByPhone(organizationId, typed.phone());
        }
        return match;
    }

    /** A new contact of exactly these details; empty when a concurrent booking created the guest first. */
    private Optional<Contact> createIfAbsent(UUID organizationId, ContactDetails typed) {
        Instant now = now();
        Contact contact = new Contact(
                Ids.newId(),
                organizationId,
                typed.firstName(),
                typed.lastName(),
                typed.email(),
                typed.phone(),
                null,
                List.of(),
                false,
                null,
                Map.of(),
                0,
                0,
                0,
                null,
                now,
                now);
        if (contacts.insertIfAbsent(contact)) {
            events.publishEvent(new ContactCreated(contact));
            return Optional.of(contact);
        }
        return Optional.empty();
    }

    /**
     * Counts one outcome of one of the contact's reservations: COMPLETED increments visit_count and moves
     * last_visit_at to reservationStart if later; NO_SHOW increments no_show_count; CANCELLED increments
     * cancellation_count. Runs in the caller's transaction (or its own when there is none).
     */
    @Transactional
    public void recordOutcome(UUID organizationId, UUID contactId, VisitOutcome outcome, Instant reservationStart) {
        Contact before = contacts.find(organizationId, contactId)
                .orElseThrow(() -> ReservaException.notFound("Contact", contactId));
        Contact after = contacts.recordOutcome(organizationId, contactId, outcome, reservationStart, now())
                .orElseThrow(() -> ReservaException.notFound("Contact", contactId));
        events.publishEvent(new ContactUpdated(after, ContactRules.changedFields(before, after)));
    }

    private Contact fillIn(Contact match, String firstName, String lastName, String email, String phone) {
        boolean missing = (match.firstName() == null && firstName != null)
                || (match.lastName() == null && lastName != null)
                || (match.email() == null && email != null)
                || (match.phone() == null && phone != null);
        if (!missing) {
            return match;
        }
        Contact filled;
        try {
            // A savepoint: losing a race for the email or phone must not spoil the caller's transaction.
            filled = savepoint.execute(status ->
                    contacts.fillIn(match.organizationId(), match.id(), firstName, lastName, email, phone, now()));
        } catch (DuplicateKeyException e) {
            return match;
        }
        Set<String> changed = ContactRules.changedFields(match, filled);
        if (!changed.isEmpty()) {
            events.publishEvent(new ContactUpdated(filled, changed));
        }
        return filled;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

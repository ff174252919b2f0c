package io.reserva.contacts;

import io.reserva.customfields.CustomFieldValues;
import io.reserva.customfields.EntityType;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.PhoneNumbers;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The {@code /contacts} endpoints' work: admin and staff keys write (the front desk), read-only keys read. */
@Service
public class ContactManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("contacts")
            .field("id", "id", FieldType.UUID)
            .nullableField("first_name", "first_name", FieldType.STRING)
            .nullableField("last_name", "last_name", FieldType.STRING)
            .nullableField("email", "email", FieldType.STRING)
            .nullableField("phone", "phone", FieldType.STRING)
            .field("marketing_opt_in", "marketing_opt_in", FieldType.BOOLEAN)
            .nullableField("company_id", "company_id", FieldType.UUID)
            .field("visit_count", "visit_count", FieldType.INTEGER)
            .field("no_show_count", "no_show_count", FieldType.INTEGER)
            .field("cancellation_count", "cancellation_count", FieldType.INTEGER)
            .nullableField("last_visit_at", "last_visit_at", FieldType.INSTANT)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("concat_ws(' ', first_name, last_name)", "email", "phone")
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    /** {@code tags}, {@code tags[$in]}, {@code tags[$in][]}, {@code tags[$in][0]} … */
    private static final Pattern TAGS_PARAM = Pattern.compile("^tags(?:\\[(\\$[A-Za-z]+)](?:\\[\\d*])?)?$");

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final DealRepository deals;
    private final CustomFieldValues customFields;
    private final OrganizationManagement organizations;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    ContactManagement(
            ContactRepository contacts,
            CompanyRepository companies,
            DealRepository deals,
            CustomFieldValues customFields,
            OrganizationManagement organizations,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.contacts = contacts;
        this.companies = companies;
        this.deals = deals;
        this.customFields = customFields;
        this.organizations = organizations;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Lists contacts with the query language plus a tag filter it has no operator for: {@code tags=vip} (has
     * every tag given), {@code tags[$in]=vip,regular} (has any), {@code tags[$nin]=blocked} (has none). Email
     * filters are lower-cased and phone filters normalized like the stored values, so {@code phone=030 1234567}
     * finds {@code +49301234567}.
     */
    public Page<Contact> list(Caller caller, Map<String, String[]> parameters) {
        Map<String, String[]> rest = new LinkedHashMap<>();
        Map<String, List<String>> tagParameters = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (name.equals("tags") || name.startsWith("tags[")) {
                tagParameters.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values));
            } else {
                rest.put(name, values);
            }
        });
        ListQuery checked = QUERY.parse(rest);
        UUID organizationId = caller.organizationFor(checked.organizationId());
        Map<String, Object> tagValues = new LinkedHashMap<>();
        String tagCondition = tagCondition(tagParameters, tagValues);
        ListQuery query = QUERY.parse(normalizeContactFilters(rest, organizationId));
        return contacts.list(query, organizationId, tagCondition, tagValues);
    }

    /** The contact, if this caller may see it; otherwise "not found", whether or not it exists. */
    public Contact get(Caller caller, UUID id) {
        return (caller.isPlatform() ? contacts.findInAnyOrganization(id) : contacts.find(caller.organizationId(), id))
                .filter(contact -> caller.canSee(contact.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Contact", id));
    }

    @Transactional
    public Contact create(Caller caller, NewContact request) {
        Organization organization = organizations.get(caller, caller.organizationFor(request.organizationId()));
        ContactRules.requireWriter(caller);
        List<FieldError> errors = new ArrayList<>();
        String firstName = ContactRules.optionalText(request.firstName(), "first_name", ContactRules.NAME_MAX, errors);
        String lastName = ContactRules.optionalText(request.lastName(), "last_name", ContactRules.NAME_MAX, errors);
        String email = ContactRules.email(request.email(), "email", errors);
        String phone = ContactRules.phone(request.phone(), organization.country(), "phone", errors);
        String notes = ContactRules.optionalText(request.notes(), "notes", ContactRules.NOTES_MAX, errors);
        List<String> tags = ContactRules.tags(request.tags(), errors);
        requireSomeoneToReach(firstName, email, phone, errors);
        checkCompany(organization.id(), request.companyId(), errors);
        Map<String, Object> values = checkCustomFields(organization.id(), request.customFieldsByKey(), null, errors);
        ReservaException.throwIfAny(errors);
        Instant now = now();
        Contact contact = new Contact(
                Ids.newId(),
                organization.id(),
                firstName,
                lastName,
                email,
                phone,
                notes,
                tags,
                Boolean.TRUE.equals(request.marketingOptIn()),
                request.companyId(),
                values,
                0,
                0,
                0,
                null,
                now,
                now);
        try {
            contacts.insert(contact);
        } catch (DuplicateKeyException e) {
            throw ContactRules.duplicateContact(e);
        }
        events.publishEvent(new ContactCreated(contact));
        return contact;
    }

    @Transactional
    public Contact update(Caller caller, UUID id, Patch<ContactChanges> patch) {
        Contact current = get(caller, id);
        ContactRules.requireWriter(caller);
        String country = organizations
                .find(current.organizationId())
                .map(Organization::country)
                .orElse(null);
        ContactChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        String firstName = patch.has("first_name")
                ? ContactRules.optionalText(sent.firstName(), "first_name", ContactRules.NAME_MAX, errors)
                : current.firstName();
        String lastName = patch.has("last_name")
                ? ContactRules.optionalText(sent.lastName(), "last_name", ContactRules.NAME_MAX, errors)
                : current.lastName();
        String email = patch.has("email") ? ContactRules.email(sent.email(), "email", errors) : current.email();
        String phone =
                patch.has("phone") ? ContactRules.phone(sent.phone(), country, "phone", errors) : current.phone();
        String notes = patch.has("notes")
                ? ContactRules.optionalText(sent.notes(), "notes", ContactRules.NOTES_MAX, errors)
                : current.notes();
        List<String> tags = patch.has("tags") ? ContactRules.tags(sent.tags(), errors) : current.tags();
        if (patch.has("marketing_opt_in") && sent.marketingOptIn() == null) {
            errors.add(new FieldError("marketing_opt_in", "cannot be cleared; send true or false"));
        }
        boolean marketingOptIn = sent.marketingOptIn() != null ? sent.marketingOptIn() : current.marketingOptIn();
        UUID companyId = patch.valueOr("company_id", sent.companyId(), current.companyId());
        if (patch.has("company_id")) {
            checkCompany(current.organizationId(), companyId, errors);
        }
        requireSomeoneToReach(firstName, email, phone, errors);
        Map<String, Object> values = current.customFieldsByKey();
        if (patch.has("custom_fields_by_key")) {
            if (sent.customFieldsByKey() == null) {
                errors.add(new FieldError(
                        "custom_fields_by_key", "cannot be null; send a key as null to remove its value"));
            } else {
                values = checkCustomFields(
                        current.organizationId(), sent.customFieldsByKey(), current.customFieldsByKey(), errors);
            }
        }
        ReservaException.throwIfAny(errors);
        Contact changed = new Contact(
                current.id(),
                current.organizationId(),
                firstName,
                lastName,
                email,
                phone,
                notes,
                tags,
                marketingOptIn,
                companyId,
                values,
                current.visitCount(),
                current.noShowCount(),
                current.cancellationCount(),
                current.lastVisitAt(),
                current.createdAt(),
                now());
        Set<String> changedFields = ContactRules.changedFields(current, changed);
        if (changedFields.isEmpty()) {
            return current;
        }
        try {
            contacts.update(changed);
        } catch (DuplicateKeyException e) {
            throw ContactRules.duplicateContact(e);
        }
        events.publishEvent(new ContactUpdated(changed, changedFields));
        return changed;
    }

    /**
     * Deletes the contact; its deals stay, without the reference. A contact that other records still need (such
     * as reservations that refer to it) is a 409.
     */
    @Transactional
    public Contact delete(Caller caller, UUID id) {
        Contact current = get(caller, id);
        ContactRules.requireWriter(caller);
        deals.unlink(current.organizationId(), "contact_id", id, now());
        try {
            contacts.delete(current.organizationId(), id);
        } catch (DataIntegrityViolationException e) {
            if ("23503".equals(ContactRules.sqlState(e))) {
                throw new ReservaException(
                        ErrorCode.CONFLICT, "Other records, such as reservations, still refer to this contact");
            }
            throw e;
        }
        return current;
    }

    private void checkCompany(UUID organizationId, UUID companyId, List<FieldError> errors) {
        if (companyId != null && !companies.exists(organizationId, companyId)) {
            errors.add(new FieldError("company_id", "is not a company of this organization"));
        }
    }

    private Map<String, Object> checkCustomFields(
            UUID organizationId, Map<String, Object> sent, Map<String, Object> current, List<FieldError> errors) {
        try {
            return customFields.validate(organizationId, EntityType.CONTACT, sent, current);
        } catch (ReservaException e) {
            if (e.code() != ErrorCode.VALIDATION_FAILED) {
                throw e;
            }
            errors.addAll(e.errors());
            return current;
        }
    }

    private static void requireSomeoneToReach(String firstName, String email, String phone, List<FieldError> errors) {
        if (firstName == null && email == null && phone == null) {
            errors.add(new FieldError("first_name", "is required unless an email or phone is given"));
        }
    }

    /** Lower-cases email filter values and brings phone filter values to E.164, as the stored values are. */
    private Map<String, String[]> normalizeContactFilters(Map<String, String[]> parameters, UUID organizationId) {
        String country = null;
        boolean countryLoaded = false;
        Map<String, String[]> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String[] values = parameter.getValue();
            if (name.equals("email") || name.startsWith("email[")) {
                values = Arrays.stream(values)
                        .map(value -> value.toLowerCase(Locale.ROOT))
                        .toArray(String[]::new);
            } else if (name.equals("phone") || name.startsWith("phone[")) {
                if (!countryLoaded) {
                    country = organizations
                            .find(organizationId)
                            .map(Organization::country)
                            .orElse(null);
                    countryLoaded = true;
                }
                String readAs = country;
                values = Arrays.stream(values)
                        .map(value -> normalizePhoneFilter(value, readAs))
                        .toArray(String[]::new);
            }
            normalized.put(name, values);
        }
        return normalized;
    }

    private static String normalizePhoneFilter(String value, String country) {
        if (value.equals("null")) {
            return value;
        }
        // An unencoded '+' arrives as a space: " 49301234567" was "+49301234567".
        String raw = value.startsWith(" ") && !value.isBlank() ? "+" + value.strip() : value.strip();
        return Arrays.stream(raw.split(",", -1))
                .map(part -> PhoneNumbers.toE164(part, country).orElse(part))
                .reduce((a, b) -> a + "," + b)
                .orElse(raw);
    }

    private String tagCondition(Map<String, List<String>> parameters, Map<String, Object> values) {
        StringBuilder condition = new StringBuilder();
        List<FieldError> errors = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            Matcher match = TAGS_PARAM.matcher(parameter.getKey());
            String operator = match.matches() ? match.group(1) : "?";
            List<String> tags = parameter.getValue().stream()
                    .flatMap(value -> Arrays.stream(value.split(",")))
                    .map(tag -> tag.strip().toLowerCase(Locale.ROOT))
                    .filter(tag -> !tag.isEmpty())
                    .toList();
            String name = "_tags" + index++;
            String array = ContactRepository.textArray(name);
            String term = switch (operator == null ? "" : operator) {
                case "", "$all" -> " and tags @> " + array;
                case "$in" -> " and tags && " + array;
                case "$nin", "$ne" -> " and not (tags && " + array + ")";
                default -> null;
            };
            if (term == null) {
                errors.add(new FieldError(
                        parameter.getKey(), "tags take tags=a (has a), $all, $in (has any) and $nin (has none)"));
            } else if (tags.isEmpty()) {
                errors.add(new FieldError(parameter.getKey(), "needs at least one tag"));
            } else {
                condition.append(term);
                values.put(name, json.writeValueAsString(tags));
            }
        }
        if (!errors.isEmpty()) {
            throw new ReservaException(ErrorCode.INVALID_QUERY, "Invalid tag filter", errors);
        }
        return condition.toString();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

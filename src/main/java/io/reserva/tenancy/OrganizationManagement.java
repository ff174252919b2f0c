package io.reserva.tenancy;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.FieldRules;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading and changing organizations; other modules read an organization's zone and country here. */
@Service
public class OrganizationManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("organizations")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .field("slug", "slug", FieldType.STRING)
            .field("timezone", "timezone", FieldType.STRING)
            .field("currency", "currency", FieldType.STRING)
            .nullableField("country", "country", FieldType.STRING)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("name", "slug", "email")
            .defaultSort("created_at", true)
            .build();

    private final OrganizationRepository organizations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrganizationManagement(OrganizationRepository organizations, Clock clock, ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.clock = clock;
        this.events = events;
    }

    /** The organization, if this caller may see it; otherwise "not found", whether or not it exists. */
    public Organization get(Caller caller, UUID id) {
        return organizations
                .find(id)
                .filter(o -> caller.canSee(o.id()))
                .orElseThrow(() -> ReservaException.notFound("Organization", id));
    }

    /** For other modules that already checked access: the zone, country and currency of an organization. */
    public Optional<Organization> find(UUID id) {
        return organizations.find(id);
    }

    public Page<Organization> list(Caller caller, ListQuery query) {
        return organizations.list(query, caller.visibleOrganization());
    }

    @Transactional
    public Organization create(Caller caller, NewOrganization request) {
        caller.requirePlatform();
        List<FieldError> errors = new ArrayList<>();
        String slug = request.slug() != null ? request.slug() : OrganizationRules.slugFrom(request.name());
        OrganizationRules.checkSlug(slug, errors);
        FieldRules.timezone(request.timezone(), errors);
        String currency = OrganizationRules.normalizeCurrency(request.currency(), errors);
        String locale = OrganizationRules.normalizeLocale(request.locale(), errors);
        String country = OrganizationRules.normalizeCountry(request.country(), errors);
        OrganizationRules.checkEmail(request.email(), errors);
        OrganizationRules.checkWebsite(request.website(), errors);
        String phone = OrganizationRules.normalizePhone(request.phone(), country, errors);
        ReservaException.throwIfAny(errors);
        if (request.slug() == null) {
            slug = uniqueSlug(slug);
        } else if (organizations.slugTaken(slug, null)) {
            throw slugTaken(slug);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Organization organization = new Organization(
                Ids.newId(),
                request.name().strip(),
                slug,
                request.timezone(),
                currency,
                locale,
                country,
                request.email(),
                phone,
                request.website(),
                request.address(),
                now,
                now);
        organizations.insert(organization);
        return organization;
    }

    @Transactional
    public Organization update(Caller caller, UUID id, Patch<OrganizationChanges> patch) {
        Organization current = get(caller, id);
        caller.requireAdmin();
        OrganizationChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        for (String required : List.of("name", "slug", "timezone", "currency", "locale")) {
            if (patch.has(required) && isNull(sent, required)) {
                errors.add(new FieldError(required, "cannot be cleared"));
            }
        }
        String name = patch.valueOr("name", sent.name(), current.name());
        String slug = patch.valueOr("slug", sent.slug(), current.slug());
        String timezone = patch.valueOr("timezone", sent.timezone(), current.timezone());
        OrganizationRules.checkSlug(slug, errors);
        if (patch.has("timezone")) {
            FieldRules.timezone(timezone, errors);
        }
        String currency = patch.has("currency")
                ? OrganizationRules.normalizeCurrency(sent.currency(), errors)
                : current.currency();
        String locale =
                patch.has("locale") ? OrganizationRules.normalizeLocale(sent.locale(), errors) : current.locale();
        String country =
                patch.has("country") ? OrganizationRules.normalizeCountry(sent.country(), errors) : current.country();
        String email = patch.valueOr("email", sent.email(), current.email());
        OrganizationRules.checkEmail(email, errors);
        String website = patch.valueOr("website", sent.website(), current.website());
        OrganizationRules.checkWebsite(website, errors);
        String phone =
                patch.has("phone") ? OrganizationRules.normalizePhone(sent.phone(), country, errors) : current.phone();
        ReservaException.throwIfAny(errors);
        if (!slug.equals(current.slug()) && organizations.slugTaken(slug, id)) {
            throw slugTaken(slug);
        }
        Organization updated = new Organization(
                id,
                name.strip(),
                slug,
                timezone,
                currency,
                locale,
                country,
                email,
                phone,
                website,
                patch.valueOr("address", sent.address(), current.address()),
                current.createdAt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        organizations.update(updated);
        if (!timezone.equals(current.timezone())) {
            events.publishEvent(new OrganizationTimezoneChanged(id));
        }
        return updated;
    }

    private String uniqueSlug(String base) {
        String slug = base;
        for (int suffix = 2; organizations.slugTaken(slug, null); suffix++) {
            slug = base + "-" + suffix;
        }
        return slug;
    }

    private static boolean isNull(OrganizationChanges sent, String field) {
        return switch (field) {
            case "name" -> sent.name() == null;
            case "slug" -> sent.slug() == null;
            case "timezone" -> sent.timezone() == null;
            case "currency" -> sent.currency() == null;
            case "locale" -> sent.locale() == null;
            default -> false;
        };
    }

    private static ReservaException slugTaken(String slug) {
        return new ReservaException(
                ErrorCode.CONFLICT,
                "The slug '" + slug + "' is taken by another organization",
                List.of(new FieldError("slug", "is taken")));
    }
}

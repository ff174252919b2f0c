package io.reserva.bookingpages;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@code /reservation-booking-links} endpoints' work: admin and staff keys write, read-only keys read. */
@Service
public class BookingLinkManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservation-booking-links")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .field("slug", "slug", FieldType.STRING)
            .enumField(
                    "mode",
                    "mode",
                    Arrays.stream(BookingLinkMode.values())
                            .map(BookingLinkMode::wire)
                            .collect(Collectors.toSet()))
            .nullableField("service_id", "service_id", FieldType.UUID)
            .field("is_active", "is_active", FieldType.BOOLEAN)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("name", "slug")
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    private final BookingLinkRepository links;
    private final OrganizationManagement organizations;
    private final Catalog catalog;
    private final Clock clock;

    BookingLinkManagement(
            BookingLinkRepository links, OrganizationManagement organizations, Catalog catalog, Clock clock) {
        this.links = links;
        this.organizations = organizations;
        this.catalog = catalog;
        this.clock = clock;
    }

    public Page<BookingLink> list(Caller caller, ListQuery query) {
        return links.list(query, caller.organizationFor(query.organizationId()));
    }

    public BookingLink get(Caller caller, UUID id) {
        return (caller.isPlatform() ? links.findInAnyOrganization(id) : links.find(caller.organizationId(), id))
                .filter(link -> caller.canSee(link.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Booking link", id));
    }

    @Transactional
    public BookingLink create(Caller caller, NewBookingLink request) {
        UUID organizationId = organizations
                .get(caller, caller.organizationFor(request.organizationId()))
                .id();
        List<FieldError> errors = new ArrayList<>();
        String name = BookingLinkRules.name(request.name(), errors);
        String slug = BookingLinkRules.slug(request.slug(), errors);
        BookingLinkMode mode = request.mode() == null ? BookingLinkMode.ALL_SERVICES : request.mode();
        PageConfig config = BookingLinkRules.pageConfig(request.pageConfig(), errors);
        CatalogSnapshot snapshot = catalog.snapshot(organizationId);
        BookingLinkRules.services(mode, request.serviceId(), config, snapshot, errors);
        List<UUID> areaIds = BookingLinkRules.areas(request.areaIds(), snapshot, errors);
        ReservaException.throwIfAny(errors);
        Instant now = now();
        BookingLink link = new BookingLink(
                Ids.newId(),
                organizationId,
                name,
                slug,
                mode,
                request.serviceId(),
                request.isActive() == null || request.isActive(),
                areaIds,
                config,
                BookingLink.pathOf(organizationId, slug),
                now,
                now);
        try {
            links.insert(link);
        } catch (DuplicateKeyException e) {
            throw slugTaken(slug);
        }
        return link;
    }

    @Transactional
    public BookingLink update(Caller caller, UUID id, Patch<BookingLinkChanges> patch) {
        BookingLink current = get(caller, id);
        BookingLinkChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        for (String required : List.of("name", "slug", "mode", "is_active")) {
            if (patch.has(required) && isNull(sent, required)) {
                errors.add(new FieldError(required, "cannot be cleared"));
            }
        }
        ReservaException.throwIfAny(errors);
        String name = patch.has("name") ? BookingLinkRules.name(sent.name(), errors) : current.name();
        String slug = patch.has("slug") ? BookingLinkRules.slug(sent.slug(), errors) : current.slug();
        BookingLinkMode mode = patch.valueOr("mode", sent.mode(), current.mode());
        PageConfig config = patch.has("page_config")
                ? BookingLinkRules.pageConfig(sent.pageConfig(), errors)
                : current.pageConfig();
        // Leaving single_service drops the service unless the client sends one (which is then an error).
        UUID serviceId = patch.has("service_id")
                ? sent.serviceId()
                : mode == BookingLinkMode.SINGLE_SERVICE ? current.serviceId() : null;
        if (mode != BookingLinkMode.SELECTED_SERVICES && !patch.has("page_config")) {
            config = withoutSelection(config);
        }
        CatalogSnapshot snapshot = catalog.snapshot(current.organizationId());
        BookingLinkRules.services(mode, serviceId, config, snapshot, errors);
        List<UUID> areaIds =
                patch.has("area_ids") ? BookingLinkRules.areas(sent.areaIds(), snapshot, errors) : current.areaIds();
        ReservaException.throwIfAny(errors);
        BookingLink updated = new BookingLink(
                id,
                current.organizationId(),
                name,
                slug,
                mode,
                serviceId,
                patch.valueOr("is_active", sent.isActive(), current.isActive()),
                areaIds,
                config,
                BookingLink.pathOf(current.organizationId(), slug),
                current.createdAt(),
                now());
        try {
            links.update(updated);
        } catch (DuplicateKeyException e) {
            throw slugTaken(slug);
        }
        return updated;
    }

    /** Deletes the link; its reservations stay, but their manage links stop working. */
    @Transactional
    public BookingLink delete(Caller caller, UUID id) {
        BookingLink current = get(caller, id);
        links.delete(current.organizationId(), id);
        return current;
    }

    private static PageConfig withoutSelection(PageConfig c) {
        return new PageConfig(
                c.heroTitle(),
                c.heroSubtitle(),
                c.description(),
                c.instructions(),
                c.thankYouMessage(),
                c.policyText(),
                c.logoUrl(),
                c.coverUrl(),
                c.primaryColor(),
                null,
                c.locale(),
                c.waitlist());
    }

    private static boolean isNull(BookingLinkChanges sent, String field) {
        return switch (field) {
            case "name" -> sent.name() == null;
            case "slug" -> sent.slug() == null;
            case "mode" -> sent.mode() == null;
            case "is_active" -> sent.isActive() == null;
            default -> false;
        };
    }

    private static ReservaException slugTaken(String slug) {
        return new ReservaException(
                ErrorCode.CONFLICT,
                "A booking link with the slug '" + slug + "' exists in this organization",
                List.of(new FieldError("slug", "is taken")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

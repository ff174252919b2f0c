package io.reserva.catalog;

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
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.users.UserManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, reading, changing and deleting resources; changes need an admin key. Deleting a resource deletes its
 * links, weekly hours and exceptions.
 */
@Service
public class ResourceManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservation-resources")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .field("resource_type", "resource_type", FieldType.STRING)
            .nullableField("capacity", "capacity", FieldType.INTEGER)
            .nullableField("min_party_size", "min_party_size", FieldType.INTEGER)
            .field("units", "units", FieldType.INTEGER)
            .nullableField("user_id", "user_id", FieldType.UUID)
            .field("timezone", "timezone", FieldType.STRING)
            .nullableField("area_id", "area_id", FieldType.UUID)
            .field("is_active", "is_active", FieldType.BOOLEAN)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("name", "description")
            .defaultSort("name", true)
            .organizationScoped()
            .build();

    /** person, room, table and equipment are the usual ones; an organization may name its own the same way. */
    private static final Pattern RESOURCE_TYPE = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    static final int MAX_UNITS = 1000;

    private final ResourceRepository resources;
    private final LinkRepository links;
    private final ServiceRepository services;
    private final CombinationRepository combinations;
    private final AreaRepository areas;
    private final OrganizationManagement organizations;
    private final CatalogChanges changes;
    private final UserManagement users;
    private final Clock clock;

    ResourceManagement(
            ResourceRepository resources,
            LinkRepository links,
            ServiceRepository services,
            CombinationRepository combinations,
            AreaRepository areas,
            OrganizationManagement organizations,
            CatalogChanges changes,
            UserManagement users,
            Clock clock) {
        this.resources = resources;
        this.links = links;
        this.services = services;
        this.combinations = combinations;
        this.areas = areas;
        this.organizations = organizations;
        this.changes = changes;
        this.users = users;
        this.clock = clock;
    }

    public ReservationResource get(Caller caller, UUID id) {
        return resources
                .find(id)
                .filter(resource -> caller.canSee(resource.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Reservation resource", id));
    }

    public Page<ReservationResource> list(Caller caller, ListQuery query) {
        return resources.list(query, CatalogRules.scope(caller, query));
    }

    @Transactional
    public ReservationResource create(Caller caller, NewReservationResource request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        caller.requireAdmin();
        Organization organization = organizations
                .find(organizationId)
                .orElseThrow(() -> ReservaException.notFound("Organization", organizationId));
        List<FieldError> errors = new ArrayList<>();
        CatalogRules.name("name", request.name(), errors);
        CatalogRules.require("resource_type", request.resourceType(), errors);
        Instant now = now();
        ReservationResource resource = new ReservationResource(
                Ids.newId(),
                organizationId,
                CatalogRules.strip(request.name()),
                request.description(),
                request.resourceType(),
                request.capacity(),
                request.minPartySize(),
                Objects.requireNonNullElse(request.units(), 1),
                request.userId(),
                Objects.requireNonNullElse(request.timezone(), organization.timezone()),
                request.areaId(),
                Objects.requireNonNullElse(request.isActive(), true),
                now,
                now);
        check(resource, errors);
        checkUser(organizationId, request.userId(), errors);
        checkArea(organizationId, request.areaId(), errors);
        ReservaException.throwIfAny(errors);
        resources.insert(resource);
        changes.changed(organizationId);
        return resource;
    }

    @Transactional
    public ReservationResource update(Caller caller, UUID id, Patch<ReservationResourceChanges> patch) {
        UUID organizationId = get(caller, id).organizationId();
        caller.requireAdmin();
        ReservationResource current = resources
                .lock(organizationId, id, true)
                .orElseThrow(() -> ReservaException.notFound("Reservation resource", id));
        ReservationResourceChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        ReservationResource resource = new ReservationResource(
                current.id(),
                current.organizationId(),
                CatalogRules.strip(CatalogRules.kept(patch, "name", sent.name(), current.name(), errors)),
                patch.valueOr("description", sent.description(), current.description()),
                CatalogRules.kept(patch, "resource_type", sent.resourceType(), current.resourceType(), errors),
                patch.valueOr("capacity", sent.capacity(), current.capacity()),
                patch.valueOr("min_party_size", sent.minPartySize(), current.minPartySize()),
                CatalogRules.kept(patch, "units", sent.units(), current.units(), errors),
                patch.valueOr("user_id", sent.userId(), current.userId()),
                CatalogRules.kept(patch, "timezone", sent.timezone(), current.timezone(), errors),
                patch.valueOr("area_id", sent.areaId(), current.areaId()),
                CatalogRules.kept(patch, "is_active", sent.isActive(), current.isActive(), errors),
                current.createdAt(),
                now());
        check(resource, errors);
        if (patch.has("user_id") && !Objects.equals(sent.userId(), current.userId())) {
            checkUser(organizationId, sent.userId(), errors);
        }
        if (patch.has("area_id") && !Objects.equals(sent.areaId(), current.areaId())) {
            checkArea(organizationId, sent.areaId(), errors);
        }
        List<ServiceResourceLink> linked = links.ofResource(resource.organizationId(), id);
        linked.stream()
                .filter(link -> link.assignmentMode() != AssignmentMode.ANY_AVAILABLE)
                .mapToInt(ServiceResourceLink::quantity)
                .max()
                .ifPresent(needed -> {
                    if (resource.units() < needed) {
                        errors.add(new FieldError(
                                "units",
                                "must be at least " + needed + ": a service link asks for that many units of this"
                                        + " resource; lower that link's quantity first"));
                    }
                });
        ReservaException.throwIfAny(errors);
        if (!resource.resourceType().equals(current.resourceType())) {
            List<ResourceCombination> naming = combinations.naming(resource.organizationId(), id);
            if (!naming.isEmpty()) {
                throw CombinationManagement.stillCombined(
                        current,
                        naming,
                        "only tables can be combined, so remove it from them before changing its type");
            }
            for (ServiceResourceLink link : linked) {
                if (link.assignmentMode() != AssignmentMode.ANY_AVAILABLE) {
                    continue;
                }
                // Locks in the order links are created in (resource, then service), so neither waits on the other.
                services.lock(resource.organizationId(), link.serviceId());
                if (links.anyAvailableTypeTaken(
                        resource.organizationId(), link.serviceId(), resource.resourceType(), link.id())) {
                    throw new ReservaException(
                            ErrorCode.CONFLICT,
                            "Service " + link.serviceId() + " already has an any_available link to a resource of type '"
                                    + resource.resourceType() + "'; this resource stands for its type in another"
                                    + " any_available link of that service (" + link.id() + ")",
                            List.of(new FieldError(
                                    "resource_type",
                                    "would give a service two any_available links of" + " the same type")));
                }
            }
        }
        resources.update(resource);
        changes.changed(resource.organizationId());
        return resource;
    }

    /**
     * Deletes the resource with its links, weekly hours and exceptions; answers the resource as it was. A table
     * that a combination names stays (the combination would lose a table behind the back of its bookings).
     */
    @Transactional
    public ReservationResource delete(Caller caller, UUID id) {
        ReservationResource resource = get(caller, id);
        caller.requireAdmin();
        resources.lock(resource.organizationId(), id, true);
        List<ResourceCombination> naming = combinations.naming(resource.organizationId(), id);
        if (!naming.isEmpty()) {
            throw CombinationManagement.stillCombined(
                    resource, naming, "remove it from them (or delete them) before deleting the table");
        }
        resources.delete(resource.organizationId(), id);
        changes.changed(resource.organizationId());
        return resource;
    }

    /**
     * A resource may name a user of its own organization (the person it stands for). Checked when set or
     * changed; a user removed later leaves the id in place, as a removed user may come back.
     */
    private void checkUser(UUID organizationId, UUID userId, List<FieldError> errors) {
        if (userId != null && !users.isMember(organizationId, userId)) {
            errors.add(new FieldError("user_id", "must be a user of this organization (see /users)"));
        }
    }

    /**
     * An area must be one of the organization's own; it is locked (share) so it cannot be deleted before this
     * resource is written into it. Another organization's area reads like one that does not exist.
     */
    private void checkArea(UUID organizationId, UUID areaId, List<FieldError> errors) {
        if (areaId != null && areas.lock(organizationId, areaId, false).isEmpty()) {
            errors.add(new FieldError(
                    "area_id", "names no area " + areaId + " of this organization (see /reservation-areas)"));
        }
    }

    private static void check(ReservationResource resource, List<FieldError> errors) {
        CatalogRules.text("description", resource.description(), 5000, errors);
        if (resource.resourceType() != null
                && !RESOURCE_TYPE.matcher(resource.resourceType()).matches()) {
            errors.add(new FieldError(
                    "resource_type",
                    "must be person, room, table, equipment, or a type of your own in lowercase letters, digits and"
                            + " underscores (at most 40, starting with a letter), e.g. massage_bed"));
        }
        CatalogRules.range("capacity", resource.capacity(), 1, Integer.MAX_VALUE, errors);
        CatalogRules.range("min_party_size", resource.minPartySize(), 1, Integer.MAX_VALUE, errors);
        if (resource.capacity() != null
                && resource.minPartySize() != null
                && resource.capacity() >= 1
                && resource.minPartySize() > resource.capacity()) {
            errors.add(new FieldError("min_party_size", "must not be larger than capacity"));
        }
        CatalogRules.range("units", resource.units(), 1, MAX_UNITS, errors);
        FieldRules.timezone(resource.timezone(), errors);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

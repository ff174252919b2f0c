package io.reserva.catalog;

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
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linking resources to services; changes need an admin key. One link per service and resource; an
 * {@code any_available} link stands for its resource's type, so a service has at most one such link per type
 * (ask for more of them with {@code quantity}).
 */
@Service
public class LinkManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservation-service-resources")
            .field("id", "id", FieldType.UUID)
            .field("service_id", "service_id", FieldType.UUID)
            .field("resource_id", "resource_id", FieldType.UUID)
            .enumField(
                    "assignment_mode",
                    "assignment_mode",
                    Arrays.stream(AssignmentMode.values())
                            .map(AssignmentMode::wire)
                            .collect(Collectors.toSet()))
            .field("quantity", "quantity", FieldType.INTEGER)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    private final LinkRepository links;
    private final ServiceRepository services;
    private final ResourceRepository resources;
    private final CatalogChanges changes;
    private final Clock clock;

    LinkManagement(
            LinkRepository links,
            ServiceRepository services,
            ResourceRepository resources,
            CatalogChanges changes,
            Clock clock) {
        this.links = links;
        this.services = services;
        this.resources = resources;
        this.changes = changes;
        this.clock = clock;
    }

    public ServiceResourceLink get(Caller caller, UUID id) {
        return links.find(id)
                .filter(link -> caller.canSee(link.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Service resource link", id));
    }

    public Page<ServiceResourceLink> list(Caller caller, ListQuery query) {
        return links.list(query, CatalogRules.scope(caller, query));
    }

    @Transactional
    public ServiceResourceLink create(Caller caller, NewServiceResourceLink request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        caller.requireAdmin();
        List<FieldError> errors = new ArrayList<>();
        CatalogRules.require("service_id", request.serviceId(), errors);
        CatalogRules.require("resource_id", request.resourceId(), errors);
        CatalogRules.range("quantity", request.quantity(), 1, ResourceManagement.MAX_UNITS, errors);
        ReservaException.throwIfAny(errors);
        ReservationResource resource = lockResource(organizationId, request.resourceId());
        lockService(organizationId, request.serviceId());
        Instant now = now();
        ServiceResourceLink link = new ServiceResourceLink(
                Ids.newId(),
                organizationId,
                request.serviceId(),
                request.resourceId(),
                Objects.requireNonNullElse(request.assignmentMode(), AssignmentMode.REQUIRED),
                Objects.requireNonNullElse(request.quantity(), 1),
                now,
                now);
        check(link, resource);
        links.find(organizationId, link.serviceId(), link.resourceId()).ifPresent(existing -> {
            throw new ReservaException(
                    ErrorCode.CONFLICT,
                    "Service " + link.serviceId() + " is already linked to resource " + link.resourceId() + " (link "
                            + existing.id() + "); change that link instead",
                    List.of(new FieldError("resource_id", "is already linked to this service")));
        });
        insistOnOneLinkPerType(link, resource);
        links.insert(link);
        changes.changed(organizationId);
        return link;
    }

    @Transactional
    public ServiceResourceLink update(Caller caller, UUID id, Patch<ServiceResourceLinkChanges> patch) {
        ServiceResourceLink current = get(caller, id);
        caller.requireAdmin();
        ServiceResourceLinkChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        AssignmentMode mode =
                CatalogRules.kept(patch, "assignment_mode", sent.assignmentMode(), current.assignmentMode(), errors);
        Integer quantity = CatalogRules.kept(patch, "quantity", sent.quantity(), current.quantity(), errors);
        CatalogRules.range("quantity", quantity, 1, ResourceManagement.MAX_UNITS, errors);
        ReservaException.throwIfAny(errors);
        ReservationResource resource = lockResource(current.organizationId(), current.resourceId());
        lockService(current.organizationId(), current.serviceId());
        ServiceResourceLink link = new ServiceResourceLink(
                current.id(),
                current.organizationId(),
                current.serviceId(),
                current.resourceId(),
                mode,
                quantity,
                current.createdAt(),
                now());
        check(link, resource);
        insistOnOneLinkPerType(link, resource);
        links.update(link);
        changes.changed(link.organizationId());
        return link;
    }

    @Transactional
    public ServiceResourceLink delete(Caller caller, UUID id) {
        ServiceResourceLink link = get(caller, id);
        caller.requireAdmin();
        links.delete(link.organizationId(), id);
        changes.changed(link.organizationId());
        return link;
    }

    private static void check(ServiceResourceLink link, ReservationResource resource) {
        if (link.assignmentMode() != AssignmentMode.ANY_AVAILABLE && link.quantity() > resource.units()) {
            throw ReservaException.invalidField(
                    "quantity",
                    "must be at most " + resource.units() + ", the units of resource '" + resource.name() + "'");
        }
    }

    private void insistOnOneLinkPerType(ServiceResourceLink link, ReservationResource resource) {
        if (link.assignmentMode() == AssignmentMode.ANY_AVAILABLE
                && links.anyAvailableTypeTaken(
                        link.organizationId(), link.serviceId(), resource.resourceType(), link.id())) {
            throw new ReservaException(
                    ErrorCode.CONFLICT,
                    "Service " + link.serviceId() + " already has an any_available link for resources of type '"
                            + resource.resourceType() + "'; raise that link's quantity to ask for more of them",
                    List.of(new FieldError("assignment_mode", "any_available is taken for this resource type")));
        }
    }

    /** Resource first, then service: every catalog write that needs both locks them in this order. */
    private ReservationResource lockResource(UUID organizationId, UUID resourceId) {
        return resources
                .lock(organizationId, resourceId, false)
                .orElseThrow(() -> ReservaException.notFound("Reservation resource", resourceId));
    }

    private void lockService(UUID organizationId, UUID serviceId) {
        if (!services.lock(organizationId, serviceId)) {
            throw ReservaException.notFound("Reservation service", serviceId);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

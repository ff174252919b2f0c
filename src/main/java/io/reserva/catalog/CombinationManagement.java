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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Table combinations: named sets of tables pushed together for larger parties; changes need an admin key. Every
 * table must be a resource of type {@value #TABLE} of the same organization, named once, and the combination's
 * party sizes must fit the seats its tables have.
 */
@Service
public class CombinationManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservation-resource-combinations")
            .field("id", "c.id", FieldType.UUID)
            .field("name", "c.name", FieldType.STRING)
            .field("min_party_size", "c.min_party_size", FieldType.INTEGER)
            .field("max_party_size", "c.max_party_size", FieldType.INTEGER)
            .field("created_at", "c.created_at", FieldType.INSTANT)
            .field("updated_at", "c.updated_at", FieldType.INSTANT)
            .searchOn("c.name")
            .defaultSort("name", true)
            .organizationScoped()
            .build();

    /** Only tables are joined; a room or a person is not pushed against another. */
    public static final String TABLE = "table";

    static final int MIN_TABLES = 2;
    static final int MAX_TABLES = 20;

    private final CombinationRepository combinations;
    private final ResourceRepository resources;
    private final CatalogChanges changes;
    private final Clock clock;

    CombinationManagement(
            CombinationRepository combinations, ResourceRepository resources, CatalogChanges changes, Clock clock) {
        this.combinations = combinations;
        this.resources = resources;
        this.changes = changes;
        this.clock = clock;
    }

    public ResourceCombination get(Caller caller, UUID id) {
        return combinations
                .find(id)
                .filter(combination -> caller.canSee(combination.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Resource combination", id));
    }

    public Page<ResourceCombination> list(Caller caller, ListQuery query) {
        return combinations.list(query, CatalogRules.scope(caller, query));
    }

    @Transactional
    public ResourceCombination create(Caller caller, NewResourceCombination request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        caller.requireAdmin();
        List<FieldError> errors = new ArrayList<>();
        CatalogRules.name("name", request.name(), errors);
        CatalogRules.require("max_party_size", request.maxPartySize(), errors);
        Instant now = now();
        int minPartySize = Objects.requireNonNullElse(request.minPartySize(), 1);
        ResourceCombination combination = new ResourceCombination(
                Ids.newId(),
                organizationId,
                CatalogRules.strip(request.name()),
                request.resourceIds() == null ? List.of() : nonNull(request.resourceIds(), errors),
                minPartySize,
                Objects.requireNonNullElse(request.maxPartySize(), minPartySize),
                now,
                now);
        check(combination, request.resourceIds() == null, errors);
        combinations.insert(combination);
        changes.changed(organizationId);
        return combination;
    }

    @Transactional
    public ResourceCombination update(Caller caller, UUID id, Patch<ResourceCombinationChanges> patch) {
        UUID organizationId = get(caller, id).organizationId();
        caller.requireAdmin();
        ResourceCombination current = combinations
                .lock(organizationId, id)
                .orElseThrow(() -> ReservaException.notFound("Resource combination", id));
        ResourceCombinationChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        List<UUID> tables = CatalogRules.kept(patch, "resource_ids", sent.resourceIds(), current.resourceIds(), errors);
        ResourceCombination combination = new ResourceCombination(
                current.id(),
                current.organizationId(),
                CatalogRules.strip(CatalogRules.kept(patch, "name", sent.name(), current.name(), errors)),
                nonNull(tables, errors),
                CatalogRules.kept(patch, "min_party_size", sent.minPartySize(), current.minPartySize(), errors),
                CatalogRules.kept(patch, "max_party_size", sent.maxPartySize(), current.maxPartySize(), errors),
                current.createdAt(),
                now());
        check(combination, false, errors);
        combinations.update(combination);
        changes.changed(organizationId);
        return combination;
    }

    /** Deleting a combination frees none of its tables' bookings: those hold the tables themselves. */
    @Transactional
    public ResourceCombination delete(Caller caller, UUID id) {
        ResourceCombination combination = get(caller, id);
        caller.requireAdmin();
        combinations.delete(combination.organizationId(), id);
        changes.changed(combination.organizationId());
        return combination;
    }

    /**
     * Every field error at once; the tables are locked (share, in id order) so that none is deleted or turned into
     * another type while the combination is written.
     */
    private void check(ResourceCombination combination, boolean tablesMissing, List<FieldError> errors) {
        CatalogRules.range("min_party_size", combination.minPartySize(), 1, Integer.MAX_VALUE, errors);
        CatalogRules.range("max_party_size", combination.maxPartySize(), 1, Integer.MAX_VALUE, errors);
        if (combination.minPartySize() > combination.maxPartySize()) {
            errors.add(new FieldError("min_party_size", "must not be larger than max_party_size"));
        }
        List<UUID> tables = combination.resourceIds();
        if (tablesMissing) {
            errors.add(new FieldError("resource_ids", "is required"));
        } else if (tables.size() < MIN_TABLES || tables.size() > MAX_TABLES) {
            errors.add(new FieldError(
                    "resource_ids", "must name between " + MIN_TABLES + " and " + MAX_TABLES + " tables"));
        }
        Set<UUID> seen = new HashSet<>();
        Integer seats = 0;
        List<UUID> inIdOrder = tables.stream().distinct().sorted().toList();
        Map<UUID, ReservationResource> locked = new HashMap<>();
        for (UUID table : inIdOrder) {
            resources.lock(combination.organizationId(), table, false).ifPresent(found -> locked.put(table, found));
        }
        for (int i = 0; i < tables.size(); i++) {
            String field = "resource_ids[" + i + "]";
            UUID table = tables.get(i);
            if (!seen.add(table)) {
                errors.add(new FieldError(field, "names table " + table + " a second time"));
                continue;
            }
            ReservationResource resource = locked.get(table);
            if (resource == null) {
                // Another organization's table reads the same as one that does not exist: ids cannot be probed.
                errors.add(new FieldError(field, "names no resource " + table + " of this organization"));
            } else if (!TABLE.equals(resource.resourceType())) {
                errors.add(new FieldError(
                        field,
                        "is '" + resource.name() + "', a resource of type '" + resource.resourceType()
                                + "'; only resources of type 'table' can be combined"));
            } else if (seats != null) {
                seats = resource.capacity() == null ? null : seats + resource.capacity();
            }
        }
        if (errors.isEmpty() && seats != null && combination.maxPartySize() > seats) {
            errors.add(new FieldError(
                    "max_party_size", "must be at most " + seats + ", the seats of the combined tables together"));
        }
        ReservaException.throwIfAny(errors);
    }

    /** A null in the list is answered at once, with whatever else was already found wrong. */
    private static List<UUID> nonNull(List<UUID> tables, List<FieldError> errors) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i) == null) {
                errors.add(new FieldError("resource_ids[" + i + "]", "must be a resource id"));
            }
        }
        ReservaException.throwIfAny(errors);
        return tables;
    }

    /** The 409 a resource change answers when combinations still need the resource to be a table. */
    static ReservaException stillCombined(ReservationResource resource, List<ResourceCombination> naming, String why) {
        return new ReservaException(
                ErrorCode.CONFLICT,
                "Table '" + resource.name() + "' is part of the combination(s) "
                        + String.join(
                                ", ",
                                naming.stream()
                                        .map(c -> "'" + c.name() + "' (" + c.id() + ")")
                                        .toList())
                        + "; " + why,
                List.of(new FieldError("resource_ids", "still names this table")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

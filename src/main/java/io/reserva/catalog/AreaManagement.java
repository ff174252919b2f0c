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
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Areas of the floor; changes need an admin key. An area that resources still stand in cannot be deleted: they
 * would silently lose the area guests' preferences are matched against.
 */
@Service
public class AreaManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservation-areas")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("name", "description")
            .defaultSort("name", true)
            .organizationScoped()
            .build();

    private final AreaRepository areas;
    private final CatalogChanges changes;
    private final Clock clock;

    AreaManagement(AreaRepository areas, CatalogChanges changes, Clock clock) {
        this.areas = areas;
        this.changes = changes;
        this.clock = clock;
    }

    public ReservationArea get(Caller caller, UUID id) {
        return areas.find(id)
                .filter(area -> caller.canSee(area.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Reservation area", id));
    }

    public Page<ReservationArea> list(Caller caller, ListQuery query) {
        return areas.list(query, CatalogRules.scope(caller, query));
    }

    @Transactional
    public ReservationArea create(Caller caller, NewReservationArea request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        caller.requireAdmin();
        List<FieldError> errors = new ArrayList<>();
        CatalogRules.name("name", request.name(), errors);
        Instant now = now();
        ReservationArea area = new ReservationArea(
                Ids.newId(), organizationId, CatalogRules.strip(request.name()), request.description(), now, now);
        CatalogRules.text("description", area.description(), 5000, errors);
        ReservaException.throwIfAny(errors);
        areas.insert(area);
        changes.changed(organizationId);
        return area;
    }

    @Transactional
    public ReservationArea update(Caller caller, UUID id, Patch<ReservationAreaChanges> patch) {
        UUID organizationId = get(caller, id).organizationId();
        caller.requireAdmin();
        ReservationArea current = areas.lock(organizationId, id, true)
                .orElseThrow(() -> ReservaException.notFound("Reservation area", id));
        ReservationAreaChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        ReservationArea area = new ReservationArea(
                current.id(),
                current.organizationId(),
                CatalogRules.strip(CatalogRules.kept(patch, "name", sent.name(), current.name(), errors)),
                patch.valueOr("description", sent.description(), current.description()),
                current.createdAt(),
                now());
        CatalogRules.name("name", area.name(), errors);
        CatalogRules.text("description", area.description(), 5000, errors);
        ReservaException.throwIfAny(errors);
        areas.update(area);
        changes.changed(organizationId);
        return area;
    }

    /**
     * Deletes an area no resource stands in; answers it as it was. Bookings that preferred it keep their tables
     * and whether the preference was met; their preference itself is cleared.
     */
    @Transactional
    public ReservationArea delete(Caller caller, UUID id) {
        ReservationArea area = get(caller, id);
        caller.requireAdmin();
        areas.lock(area.organizationId(), id, true);
        List<String> standing = areas.resourcesIn(area.organizationId(), id);
        if (!standing.isEmpty()) {
            throw new ReservaException(
                    ErrorCode.CONFLICT,
                    "Area '" + area.name() + "' still has " + standing.size() + " resource(s): "
                            + String.join(
                                    ", ",
                                    standing.stream().map(n -> "'" + n + "'").toList())
                            + "; move them to another area (or to none, area_id null) before deleting it",
                    List.of(new FieldError("area_id", "still names this area on " + standing.size() + " resource(s)")));
        }
        areas.delete(area.organizationId(), id);
        changes.changed(area.organizationId());
        return area;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

package io.reserva.catalog;

import io.reserva.catalog.WeeklyOverlap.Slot;
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
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly hours of resources, of areas and of the organization (business hours, neither): one window at a time, or
 * a whole week replaced at once. Windows of one owner never overlap, past-midnight tails included. Admin and staff
 * keys may change them.
 */
@Service
public class AvailabilityManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservation-resource-availability")
            .field("id", "id", FieldType.UUID)
            .nullableField("resource_id", "resource_id", FieldType.UUID)
            .nullableField("area_id", "area_id", FieldType.UUID)
            .field("day_of_week", "day_of_week", FieldType.INTEGER)
            // HH:mm text compares and sorts like the time it spells.
            .field("start_time", "to_char(start_time, 'HH24:MI')", FieldType.STRING)
            .field("end_time", "to_char(end_time, 'HH24:MI')", FieldType.STRING)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .defaultSort("day_of_week", true)
            .defaultSort("start_time", true)
            .organizationScoped()
            .build();

    static final int MAX_WINDOWS_PER_WEEK = 500;

    private final AvailabilityRepository weeklyHours;
    private final HoursOwners owners;
    private final CatalogChanges changes;
    private final Clock clock;

    AvailabilityManagement(
            AvailabilityRepository weeklyHours, HoursOwners owners, CatalogChanges changes, Clock clock) {
        this.weeklyHours = weeklyHours;
        this.owners = owners;
        this.changes = changes;
        this.clock = clock;
    }

    public AvailabilityWindow get(Caller caller, UUID id) {
        return weeklyHours
                .find(id)
                .filter(window -> caller.canSee(window.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Availability window", id));
    }

    public Page<AvailabilityWindow> list(Caller caller, ListQuery query) {
        return weeklyHours.list(query, CatalogRules.scope(caller, query));
    }

    @Transactional
    public AvailabilityWindow create(Caller caller, NewAvailabilityWindow request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        CatalogRules.requireScheduleWriter(caller);
        HoursOwner owner = lockOwner(organizationId, request.resourceId(), request.areaId());
        List<FieldError> errors = new ArrayList<>();
        checkWindow("", request.dayOfWeek(), request.startTime(), request.endTime(), errors);
        ReservaException.throwIfAny(errors);
        Instant now = now();
        AvailabilityWindow window = new AvailabilityWindow(
                Ids.newId(),
                organizationId,
                owner.resourceId(),
                owner.areaId(),
                request.dayOfWeek(),
                request.startTime(),
                request.endTime(),
                now,
                now);
        refuseOverlap(window, weeklyHours.ofOwner(owner));
        weeklyHours.insert(window);
        changes.changed(organizationId);
        return window;
    }

    @Transactional
    public AvailabilityWindow update(Caller caller, UUID id, Patch<AvailabilityWindowChanges> patch) {
        AvailabilityWindow current = get(caller, id);
        CatalogRules.requireScheduleWriter(caller);
        HoursOwner owner = lockOwner(current.organizationId(), current.resourceId(), current.areaId());
        AvailabilityWindowChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        Integer day = CatalogRules.kept(patch, "day_of_week", sent.dayOfWeek(), current.dayOfWeek(), errors);
        var start = CatalogRules.kept(patch, "start_time", sent.startTime(), current.startTime(), errors);
        var end = CatalogRules.kept(patch, "end_time", sent.endTime(), current.endTime(), errors);
        checkWindow("", day, start, end, errors);
        ReservaException.throwIfAny(errors);
        AvailabilityWindow window = new AvailabilityWindow(
                current.id(),
                current.organizationId(),
                current.resourceId(),
                current.areaId(),
                day,
                start,
                end,
                current.createdAt(),
                now());
        List<AvailabilityWindow> others = weeklyHours.ofOwner(owner).stream()
                .filter(other -> !other.id().equals(id))
                .toList();
        refuseOverlap(window, others);
        weeklyHours.update(window);
        changes.changed(window.organizationId());
        return window;
    }

    @Transactional
    public AvailabilityWindow delete(Caller caller, UUID id) {
        AvailabilityWindow window = get(caller, id);
        CatalogRules.requireScheduleWriter(caller);
        weeklyHours.delete(window.organizationId(), id);
        changes.changed(window.organizationId());
        return window;
    }

    /**
     * Replaces every weekly window of one owner (a resource, an area, or with {@code resource_id: null} the business
     * hours) in one transaction. Every window is checked first, so an invalid one changes nothing.
     */
    @Transactional
    public Week replaceWeek(Caller caller, Patch<WeekReplacement> body) {
        WeekReplacement request = body.values();
        UUID organizationId = caller.organizationFor(request.organizationId());
        CatalogRules.requireScheduleWriter(caller);
        List<FieldError> errors = new ArrayList<>();
        if (!body.has("resource_id") && request.areaId() == null) {
            // Left out by mistake, it would silently replace the business hours.
            errors.add(new FieldError(
                    "resource_id",
                    "is required: a resource id, or null for the organization's business hours (or give area_id)"));
        }
        if (request.windows() == null) {
            errors.add(new FieldError("windows", "is required; an empty list closes every day"));
        } else if (request.windows().size() > MAX_WINDOWS_PER_WEEK) {
            errors.add(new FieldError("windows", "must have at most " + MAX_WINDOWS_PER_WEEK + " entries"));
        }
        ReservaException.throwIfAny(errors);
        HoursOwner owner = lockOwner(organizationId, request.resourceId(), request.areaId());
        List<WeekReplacement.WeekWindow> windows = request.windows();
        List<Slot> valid = new ArrayList<>();
        List<Integer> validIndexes = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            WeekReplacement.WeekWindow window = windows.get(i);
            String prefix = "windows[" + i + "]";
            if (window == null) {
                errors.add(new FieldError(prefix, "must be an object"));
                continue;
            }
            int before = errors.size();
            checkWindow(prefix + ".", window.dayOfWeek(), window.startTime(), window.endTime(), errors);
            if (errors.size() > before) {
                continue;
            }
            Slot slot = new Slot(window.dayOfWeek(), window.startTime(), window.endTime());
            for (int j = 0; j < valid.size(); j++) {
                if (WeeklyOverlap.overlap(slot, valid.get(j))) {
                    errors.add(new FieldError(
                            prefix,
                            slot.describe() + " overlaps windows[" + validIndexes.get(j) + "], "
                                    + valid.get(j).describe()));
                }
            }
            valid.add(slot);
            validIndexes.add(i);
        }
        ReservaException.throwIfAny(errors);
        weeklyHours.deleteOwner(owner);
        Instant now = now();
        List<AvailabilityWindow> week = new ArrayList<>();
        for (Slot slot : valid) {
            AvailabilityWindow window = new AvailabilityWindow(
                    Ids.newId(),
                    organizationId,
                    owner.resourceId(),
                    owner.areaId(),
                    slot.dayOfWeek(),
                    slot.start(),
                    slot.end(),
                    now,
                    now);
            weeklyHours.insert(window);
            week.add(window);
        }
        week.sort(Comparator.comparingInt(AvailabilityWindow::dayOfWeek).thenComparing(AvailabilityWindow::startTime));
        changes.changed(organizationId);
        return new Week(owner.resourceId(), owner.areaId(), week);
    }

    /**
     * Takes the owner's week for this transaction: the resource or area (which must be this organization's) and
     * then the week itself, so the overlap check and the write see the same rows.
     */
    private HoursOwner lockOwner(UUID organizationId, UUID resourceId, UUID areaId) {
        HoursOwner owner = owners.lock(organizationId, resourceId, areaId);
        weeklyHours.lockOwner(owner);
        return owner;
    }

    private static void checkWindow(
            String prefix, Integer day, LocalTime start, LocalTime end, List<FieldError> errors) {
        CatalogRules.require(prefix + "day_of_week", day, errors);
        CatalogRules.range(prefix + "day_of_week", day, 0, 6, errors);
        checkTime(prefix + "start_time", start, errors);
        checkTime(prefix + "end_time", end, errors);
    }

    /** Whole minutes only: the wire format is HH:mm, and a Java caller could pass seconds. */
    static void checkTime(String field, LocalTime time, List<FieldError> errors) {
        if (time == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (time.getSecond() != 0 || time.getNano() != 0) {
            errors.add(new FieldError(field, "must be HH:mm, without seconds"));
        }
    }

    private static void refuseOverlap(AvailabilityWindow window, List<AvailabilityWindow> others) {
        Slot candidate = slot(window);
        Optional<AvailabilityWindow> clash = others.stream()
                .filter(other -> WeeklyOverlap.overlap(candidate, slot(other)))
                .findFirst();
        if (clash.isPresent()) {
            throw ReservaException.invalidField(
                    "start_time",
                    candidate.describe() + " overlaps the existing window "
                            + slot(clash.get()).describe() + " (" + clash.get().id() + ")");
        }
    }

    private static Slot slot(AvailabilityWindow window) {
        return new Slot(window.dayOfWeek(), window.startTime(), window.endTime());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

package io.reserva.catalog;

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
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dates that differ from the weekly hours, for one resource or the whole organization: closed, or open at
 * special hours. Admin and staff keys may change them (staff block their days off).
 */
@Service
public class ExceptionManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservation-resource-exceptions")
            .field("id", "id", FieldType.UUID)
            .nullableField("resource_id", "resource_id", FieldType.UUID)
            .nullableField("area_id", "area_id", FieldType.UUID)
            .field("date", "date", FieldType.DATE)
            .enumField(
                    "exception_type",
                    "exception_type",
                    Arrays.stream(ExceptionType.values())
                            .map(ExceptionType::wire)
                            .collect(Collectors.toSet()))
            .field("is_recurring_yearly", "is_recurring_yearly", FieldType.BOOLEAN)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("reason")
            .defaultSort("date", true)
            .organizationScoped()
            .build();

    static final int MAX_REASON = 500;

    private final ExceptionRepository exceptions;
    private final HoursOwners owners;
    private final CatalogChanges changes;
    private final Clock clock;

    ExceptionManagement(ExceptionRepository exceptions, HoursOwners owners, CatalogChanges changes, Clock clock) {
        this.exceptions = exceptions;
        this.owners = owners;
        this.changes = changes;
        this.clock = clock;
    }

    public ResourceException get(Caller caller, UUID id) {
        return exceptions
                .find(id)
                .filter(exception -> caller.canSee(exception.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Resource exception", id));
    }

    public Page<ResourceException> list(Caller caller, ListQuery query) {
        return exceptions.list(query, CatalogRules.scope(caller, query));
    }

    @Transactional
    public ResourceException create(Caller caller, NewResourceException request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        CatalogRules.requireScheduleWriter(caller);
        HoursOwner owner = owners.lock(organizationId, request.resourceId(), request.areaId());
        List<FieldError> errors = new ArrayList<>();
        CatalogRules.require("date", request.date(), errors);
        CatalogRules.require("exception_type", request.exceptionType(), errors);
        Instant now = now();
        ResourceException exception = new ResourceException(
                Ids.newId(),
                organizationId,
                owner.resourceId(),
                owner.areaId(),
                request.date(),
                request.exceptionType(),
                request.startTime(),
                request.endTime(),
                request.reason(),
                Objects.requireNonNullElse(request.isRecurringYearly(), false),
                now,
                now);
        check(exception, errors);
        ReservaException.throwIfAny(errors);
        exceptions.insert(exception);
        changes.changed(organizationId);
        return exception;
    }

    @Transactional
    public ResourceException update(Caller caller, UUID id, Patch<ResourceExceptionChanges> patch) {
        ResourceException current = get(caller, id);
        CatalogRules.requireScheduleWriter(caller);
        ResourceExceptionChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        ExceptionType type =
                CatalogRules.kept(patch, "exception_type", sent.exceptionType(), current.exceptionType(), errors);
        // Turning special hours into a closed day: the old hours go with it unless the client says otherwise.
        boolean dropHours = type == ExceptionType.BLOCKED && current.exceptionType() != ExceptionType.BLOCKED;
        LocalTime start = patch.has("start_time") ? sent.startTime() : dropHours ? null : current.startTime();
        LocalTime end = patch.has("end_time") ? sent.endTime() : dropHours ? null : current.endTime();
        ResourceException exception = new ResourceException(
                current.id(),
                current.organizationId(),
                current.resourceId(),
                current.areaId(),
                CatalogRules.kept(patch, "date", sent.date(), current.date(), errors),
                type,
                start,
                end,
                patch.valueOr("reason", sent.reason(), current.reason()),
                CatalogRules.kept(
                        patch, "is_recurring_yearly", sent.isRecurringYearly(), current.isRecurringYearly(), errors),
                current.createdAt(),
                now());
        check(exception, errors);
        ReservaException.throwIfAny(errors);
        exceptions.update(exception);
        changes.changed(exception.organizationId());
        return exception;
    }

    @Transactional
    public ResourceException delete(Caller caller, UUID id) {
        ResourceException exception = get(caller, id);
        CatalogRules.requireScheduleWriter(caller);
        exceptions.delete(exception.organizationId(), id);
        changes.changed(exception.organizationId());
        return exception;
    }

    private static void check(ResourceException exception, List<FieldError> errors) {
        CatalogRules.text("reason", exception.reason(), MAX_REASON, errors);
        if (exception.exceptionType() == ExceptionType.BLOCKED) {
            if (exception.startTime() != null) {
                errors.add(new FieldError("start_time", "must be left out for a blocked day"));
            }
            if (exception.endTime() != null) {
                errors.add(new FieldError("end_time", "must be left out for a blocked day"));
            }
        } else if (exception.exceptionType() == ExceptionType.SPECIAL_HOURS) {
            AvailabilityManagement.checkTime("start_time", exception.startTime(), errors);
            AvailabilityManagement.checkTime("end_time", exception.endTime(), errors);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

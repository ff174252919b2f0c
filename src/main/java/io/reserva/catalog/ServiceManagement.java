package io.reserva.catalog;

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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, reading, changing and deleting bookable services; changes need an admin key. */
@Service
public class ServiceManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("reservation-services")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .field("duration_minutes", "duration_minutes", FieldType.INTEGER)
            .nullableField("max_party_size", "max_party_size", FieldType.INTEGER)
            .field("min_party_size", "min_party_size", FieldType.INTEGER)
            .enumField("seating", "seating", Set.of("separate", "shared"))
            .nullableField("price", "price", FieldType.DECIMAL)
            .field("currency", "currency", FieldType.STRING)
            .field("requires_confirmation", "requires_confirmation", FieldType.BOOLEAN)
            .field("is_public", "is_public", FieldType.BOOLEAN)
            .field("is_active", "is_active", FieldType.BOOLEAN)
            .field("timezone", "timezone", FieldType.STRING)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("name", "description")
            .defaultSort("name", true)
            .organizationScoped()
            .build();

    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");
    private static final int MAX_TURN_TIMES = 50;

    private final ServiceRepository services;
    private final AreaRepository areas;
    private final OrganizationManagement organizations;
    private final CatalogChanges changes;
    private final Clock clock;

    ServiceManagement(
            ServiceRepository services,
            AreaRepository areas,
            OrganizationManagement organizations,
            CatalogChanges changes,
            Clock clock) {
        this.services = services;
        this.areas = areas;
        this.organizations = organizations;
        this.changes = changes;
        this.clock = clock;
    }

    public ReservationService get(Caller caller, UUID id) {
        return services.find(id)
                .filter(service -> caller.canSee(service.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Reservation service", id));
    }

    public Page<ReservationService> list(Caller caller, ListQuery query) {
        return services.list(query, CatalogRules.scope(caller, query));
    }

    @Transactional
    public ReservationService create(Caller caller, NewReservationService request) {
        UUID organizationId = caller.organizationFor(request.organizationId());
        caller.requireAdmin();
        Organization organization = organization(organizationId);
        List<FieldError> errors = new ArrayList<>();
        CatalogRules.name("name", request.name(), errors);
        CatalogRules.require("duration_minutes", request.durationMinutes(), errors);
        String currency =
                request.currency() == null ? organization.currency() : FieldRules.currency(request.currency(), errors);
        Instant now = now();
        ReservationService service = new ReservationService(
                Ids.newId(),
                organizationId,
                CatalogRules.strip(request.name()),
                request.description(),
                // A missing duration is reported above; 60 only keeps the remaining checks meaningful.
                Objects.requireNonNullElse(request.durationMinutes(), 60),
                Objects.requireNonNullElse(request.bufferBeforeMinutes(), 0),
                Objects.requireNonNullElse(request.bufferAfterMinutes(), 0),
                request.slotInterval(),
                request.slotCapacity(),
                request.maxPartySize(),
                Objects.requireNonNullElse(request.minPartySize(), 1),
                durations(request.durationsByPartySize()),
                Objects.requireNonNullElse(request.seating(), Seating.SEPARATE),
                request.maxParticipantsPerSlot(),
                price(request.price()),
                currency,
                request.maxAdvanceDays(),
                Objects.requireNonNullElse(request.minAdvanceHours(), 0),
                Objects.requireNonNullElse(request.requiresConfirmation(), false),
                Objects.requireNonNullElse(request.allowCancellation(), true),
                request.cancellationDeadlineHours(),
                Objects.requireNonNullElse(request.isPublic(), true),
                Objects.requireNonNullElse(request.isActive(), true),
                request.color(),
                request.imageUrl(),
                Objects.requireNonNullElse(request.timezone(), organization.timezone()),
                pacing(request.pacing()),
                request.areaPacing(),
                now,
                now);
        check(service, request.durationsByPartySize(), errors);
        checkPacedAreas(service, errors);
        ReservaException.throwIfAny(errors);
        services.insert(service);
        changes.changed(organizationId);
        return service;
    }

    @Transactional
    public ReservationService update(Caller caller, UUID id, Patch<ReservationServiceChanges> patch) {
        ReservationService current = get(caller, id);
        caller.requireAdmin();
        ReservationServiceChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        String currency = CatalogRules.kept(patch, "currency", sent.currency(), current.currency(), errors);
        if (patch.has("currency") && sent.currency() != null) {
            currency = FieldRules.currency(sent.currency(), errors);
        }
        ReservationService service = new ReservationService(
                current.id(),
                current.organizationId(),
                CatalogRules.strip(CatalogRules.kept(patch, "name", sent.name(), current.name(), errors)),
                patch.valueOr("description", sent.description(), current.description()),
                CatalogRules.kept(patch, "duration_minutes", sent.durationMinutes(), current.durationMinutes(), errors),
                CatalogRules.kept(
                        patch,
                        "buffer_before_minutes",
                        sent.bufferBeforeMinutes(),
                        current.bufferBeforeMinutes(),
                        errors),
                CatalogRules.kept(
                        patch, "buffer_after_minutes", sent.bufferAfterMinutes(), current.bufferAfterMinutes(), errors),
                patch.valueOr("slot_interval", sent.slotInterval(), current.slotInterval()),
                patch.valueOr("slot_capacity", sent.slotCapacity(), current.slotCapacity()),
                patch.valueOr("max_party_size", sent.maxPartySize(), current.maxPartySize()),
                CatalogRules.kept(patch, "min_party_size", sent.minPartySize(), current.minPartySize(), errors),
                patch.has("durations_by_party_size")
                        ? durations(sent.durationsByPartySize())
                        : current.durationsByPartySize(),
                CatalogRules.kept(patch, "seating", sent.seating(), current.seating(), errors),
                patch.valueOr(
                        "max_participants_per_slot", sent.maxParticipantsPerSlot(), current.maxParticipantsPerSlot()),
                patch.has("price") ? price(sent.price()) : current.price(),
                currency,
                patch.valueOr("max_advance_days", sent.maxAdvanceDays(), current.maxAdvanceDays()),
                CatalogRules.kept(
                        patch, "min_advance_hours", sent.minAdvanceHours(), current.minAdvanceHours(), errors),
                CatalogRules.kept(
                        patch,
                        "requires_confirmation",
                        sent.requiresConfirmation(),
                        current.requiresConfirmation(),
                        errors),
                CatalogRules.kept(
                        patch, "allow_cancellation", sent.allowCancellation(), current.allowCancellation(), errors),
                patch.valueOr(
                        "cancellation_deadline_hours",
                        sent.cancellationDeadlineHours(),
                        current.cancellationDeadlineHours()),
                CatalogRules.kept(patch, "is_public", sent.isPublic(), current.isPublic(), errors),
                CatalogRules.kept(patch, "is_active", sent.isActive(), current.isActive(), errors),
                patch.valueOr("color", sent.color(), current.color()),
                patch.valueOr("image_url", sent.imageUrl(), current.imageUrl()),
                CatalogRules.kept(patch, "timezone", sent.timezone(), current.timezone(), errors),
                patch.has("pacing") ? pacing(sent.pacing()) : current.pacing(),
                patch.has("area_pacing") ? sent.areaPacing() : current.areaPacing(),
                current.createdAt(),
                now());
        check(
                service,
                patch.has("durations_by_party_size") ? sent.durationsByPartySize() : current.durationsByPartySize(),
                errors);
        checkPacedAreas(service, errors);
        ReservaException.throwIfAny(errors);
        services.update(service);
        changes.changed(service.organizationId());
        return service;
    }

    /** Deletes the service and its links; answers the service as it was. */
    @Transactional
    public ReservationService delete(Caller caller, UUID id) {
        ReservationService service = get(caller, id);
        caller.requireAdmin();
        services.delete(service.organizationId(), id);
        changes.changed(service.organizationId());
        return service;
    }

    /**
     * Every rule a service must satisfy, checked on the whole service as it would be stored.
     *
     * @param sentDurations the turn times in the order the client sent them, so errors name the right index
     */
    private static void check(
            ReservationService service, List<PartySizeDuration> sentDurations, List<FieldError> errors) {
        CatalogRules.text("description", service.description(), 5000, errors);
        CatalogRules.range("duration_minutes", service.durationMinutes(), 1, 1440, errors);
        CatalogRules.range("buffer_before_minutes", service.bufferBeforeMinutes(), 0, 1440, errors);
        CatalogRules.range("buffer_after_minutes", service.bufferAfterMinutes(), 0, 1440, errors);
        CatalogRules.range("slot_interval", service.slotInterval(), 1, 1440, errors);
        CatalogRules.range("slot_capacity", service.slotCapacity(), 1, Integer.MAX_VALUE, errors);
        CatalogRules.range("max_party_size", service.maxPartySize(), 1, Integer.MAX_VALUE, errors);
        CatalogRules.range("min_party_size", service.minPartySize(), 1, Integer.MAX_VALUE, errors);
        if (service.maxPartySize() != null
                && service.maxPartySize() >= 1
                && service.minPartySize() > service.maxPartySize()) {
            errors.add(new FieldError("min_party_size", "must not be larger than max_party_size"));
        }
        checkDurations(sentDurations == null ? List.of() : sentDurations, errors);
        if (service.maxParticipantsPerSlot() != null) {
            if (service.seating() != Seating.SHARED) {
                errors.add(new FieldError("max_participants_per_slot", "applies only to shared seating"));
            } else {
                CatalogRules.range("max_participants_per_slot", service.maxParticipantsPerSlot(), 1, 1_000_000, errors);
            }
        }
        checkPrice(service.price(), errors);
        CatalogRules.range("max_advance_days", service.maxAdvanceDays(), 0, 3650, errors);
        CatalogRules.range("min_advance_hours", service.minAdvanceHours(), 0, 87_600, errors);
        CatalogRules.range("cancellation_deadline_hours", service.cancellationDeadlineHours(), 0, 87_600, errors);
        CatalogRules.color(service.color(), errors);
        CatalogRules.httpUrl("image_url", service.imageUrl(), errors);
        FieldRules.timezone(service.timezone(), errors);
        checkPacing(service, errors);
    }

    /**
     * Pacing must be able to take the largest party the service accepts, so it needs a max_party_size; an
     * interval limit needs its interval.
     */
    private static void checkPacing(ReservationService service, List<FieldError> errors) {
        if (service.pacing() != null) {
            checkLimits("pacing", service.pacing(), service.maxPartySize(), errors);
        }
        checkAreaPacing(service, errors);
    }

    private static void checkLimits(
            String prefix, ServicePacing pacing, Integer largestParty, List<FieldError> errors) {
        boolean perInterval = pacing.maxCovers() != null || pacing.maxParties() != null;
        if (perInterval && pacing.intervalMinutes() == null) {
            errors.add(new FieldError(prefix + ".interval_minutes", "is required with max_covers or max_parties"));
        }
        if (!perInterval && pacing.intervalMinutes() != null) {
            errors.add(new FieldError(prefix + ".interval_minutes", "applies only with max_covers or max_parties"));
        }
        CatalogRules.range(prefix + ".interval_minutes", pacing.intervalMinutes(), 5, 1440, errors);
        CatalogRules.range(prefix + ".max_parties", pacing.maxParties(), 1, Integer.MAX_VALUE, errors);
        checkCovers(prefix + ".max_covers", pacing.maxCovers(), largestParty, errors);
        checkCovers(prefix + ".max_seated_covers", pacing.maxSeatedCovers(), largestParty, errors);
    }

    /** Each area's limits follow the service's rules; an area appears once. */
    private static void checkAreaPacing(ReservationService service, List<FieldError> errors) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < service.areaPacing().size(); i++) {
            ServiceAreaPacing area = service.areaPacing().get(i);
            String field = "area_pacing[" + i + "]";
            if (area == null) {
                errors.add(new FieldError(field, "must be an object"));
                continue;
            }
            if (area.areaId() == null) {
                errors.add(new FieldError(field + ".area_id", "is required"));
            } else if (!seen.add(area.areaId())) {
                errors.add(new FieldError(field + ".area_id", "appears twice; give each area one entry"));
            }
            if (area.limits().limitsNothing()) {
                errors.add(new FieldError(
                        field, "limits nothing; set max_covers, max_parties or max_seated_covers, or leave it out"));
            }
            checkLimits(field, area.limits(), service.maxPartySize(), errors);
        }
    }

    /** Every paced area is one of the organization's, held (shared lock) so it is not deleted meanwhile. */
    private void checkPacedAreas(ReservationService service, List<FieldError> errors) {
        for (int i = 0; i < service.areaPacing().size(); i++) {
            ServiceAreaPacing area = service.areaPacing().get(i);
            if (area != null
                    && area.areaId() != null
                    && areas.lock(service.organizationId(), area.areaId(), false)
                            .isEmpty()) {
                // Another organization's area reads like one that does not exist.
                errors.add(new FieldError(
                        "area_pacing[" + i + "].area_id",
                        "is not an area of this organization (see /reservation-areas)"));
            }
        }
    }

    private static void checkCovers(String field, Integer covers, Integer largestParty, List<FieldError> errors) {
        if (covers == null) {
            return;
        }
        if (largestParty == null) {
            errors.add(new FieldError(
                    field, "needs the service's max_party_size, so that the largest party can always be paced"));
        } else if (covers < largestParty) {
            errors.add(new FieldError(
                    field,
                    "must be at least " + largestParty + ", the service's max_party_size: a party that large could"
                            + " never be seated"));
        }
    }

    /** No limit at all is no pacing. */
    private static ServicePacing pacing(ServicePacing sent) {
        return sent == null || (sent.limitsNothing() && sent.intervalMinutes() == null) ? null : sent;
    }

    private static void checkDurations(List<PartySizeDuration> durations, List<FieldError> errors) {
        if (durations.size() > MAX_TURN_TIMES) {
            errors.add(new FieldError("durations_by_party_size", "must have at most " + MAX_TURN_TIMES + " entries"));
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < durations.size(); i++) {
            PartySizeDuration entry = durations.get(i);
            String field = "durations_by_party_size[" + i + "]";
            if (entry == null) {
                errors.add(new FieldError(field, "must be an object"));
                continue;
            }
            CatalogRules.range(field + ".max_party_size", entry.maxPartySize(), 1, Integer.MAX_VALUE, errors);
            CatalogRules.range(field + ".duration_minutes", entry.durationMinutes(), 1, 1440, errors);
            if (!seen.add(entry.maxPartySize())) {
                errors.add(new FieldError(
                        field + ".max_party_size", "appears twice; each party size may have one duration"));
            }
        }
    }

    private static void checkPrice(BigDecimal price, List<FieldError> errors) {
        if (price == null) {
            return;
        }
        if (price.signum() < 0) {
            errors.add(new FieldError("price", "must not be negative"));
        } else if (price.stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("price", "must have at most two decimals"));
        } else if (price.compareTo(MAX_PRICE) > 0) {
            errors.add(new FieldError("price", "must be at most " + MAX_PRICE));
        }
    }

    /** Stored and answered sorted by party size, as the engine reads them. */
    private static List<PartySizeDuration> durations(List<PartySizeDuration> sent) {
        if (sent == null) {
            return List.of();
        }
        return sent.stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparingInt(PartySizeDuration::maxPartySize))
                .toList();
    }

    /** The price as the database keeps it (two decimals); the check refuses more precise prices first. */
    private static BigDecimal price(BigDecimal price) {
        return price == null || price.stripTrailingZeros().scale() > 2
                ? price
                : price.setScale(2, RoundingMode.UNNECESSARY);
    }

    private Organization organization(UUID organizationId) {
        return organizations
                .find(organizationId)
                .orElseThrow(() -> ReservaException.notFound("Organization", organizationId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

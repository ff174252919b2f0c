package io.reserva.reservations;

import io.reserva.catalog.Catalog;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationArea;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationService;
import io.reserva.contacts.ContactDirectory;
import io.reserva.shared.query.Page;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns rows into what the API shows: the reservation with the resources it holds, by name, its contact, and its
 * times on the service's wall clock.
 */
@Component
class ReservationViews {

    /** ISO-8601 with the offset always written out ({@code +00:00}, never {@code Z}) and seconds always shown. */
    private static final DateTimeFormatter LOCAL_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private final ReservationRepository reservations;
    private final Catalog catalog;
    private final ContactDirectory contacts;

    ReservationViews(ReservationRepository reservations, Catalog catalog, ContactDirectory contacts) {
        this.reservations = reservations;
        this.catalog = catalog;
        this.contacts = contacts;
    }

    ReservationView of(ReservationRow row) {
        return of(row, catalog.snapshot(row.organizationId()));
    }

    /** With the catalog snapshot the request already holds. */
    ReservationView of(ReservationRow row, CatalogSnapshot snapshot) {
        return of(row, reservations.allocationsOf(row.organizationId(), List.of(row.id())), snapshot);
    }

    /** A reservation whose units the caller has at hand (read with it, or just stored): no second read. */
    ReservationView of(ReservationRow row, List<AllocationRow> units) {
        return of(row, units, catalog.snapshot(row.organizationId()));
    }

    ReservationView of(ReservationRow row, List<AllocationRow> units, CatalogSnapshot snapshot) {
        return of(row, Map.of(row.id(), units), snapshot);
    }

    /** Rows of one organization, with their units read in one query. */
    List<ReservationView> of(UUID organizationId, List<ReservationRow> rows, CatalogSnapshot snapshot) {
        Map<UUID, List<AllocationRow>> allocations = reservations.allocationsOf(
                organizationId, rows.stream().map(ReservationRow::id).toList());
        return rows.stream().map(row -> of(row, allocations, snapshot)).toList();
    }

    Page<ReservationView> of(Page<ReservationRow> page) {
        Map<UUID, CatalogSnapshot> snapshots = new HashMap<>();
        Map<UUID, List<AllocationRow>> allocations = new HashMap<>();
        page.data().stream()
                .map(ReservationRow::organizationId)
                .distinct()
                .forEach(org -> allocations.putAll(reservations.allocationsOf(
                        org,
                        page.data().stream()
                                .filter(row -> row.organizationId().equals(org))
                                .map(ReservationRow::id)
                                .toList())));
        return page.map(
                row -> of(row, allocations, snapshots.computeIfAbsent(row.organizationId(), catalog::snapshot)));
    }

    private ReservationView of(
            ReservationRow row, Map<UUID, List<AllocationRow>> allocations, CatalogSnapshot snapshot) {
        List<AssignedResource> assigned = allocations.getOrDefault(row.id(), List.of()).stream()
                .map(unit -> {
                    ReservationResource resource =
                            snapshot.resource(unit.resourceId()).orElse(null);
                    return new AssignedResource(
                            unit.resourceId(),
                            resource == null ? null : resource.name(),
                            resource == null ? null : resource.resourceType(),
                            unit.unitIndex(),
                            unit.assignmentMode(),
                            resource == null ? null : resource.areaId(),
                            resource == null || resource.areaId() == null
                                    ? null
                                    : snapshot.area(resource.areaId())
                                            .map(ReservationArea::name)
                                            .orElse(null));
                })
                .toList();
        ZoneId zone = ZoneId.of(snapshot.service(row.serviceId())
                .map(ReservationService::timezone)
                .orElse(snapshot.organizationTimezone()));
        return new ReservationView(
                row.id(),
                row.organizationId(),
                row.serviceId(),
                row.contactId(),
                contactOf(row),
                row.guest(),
                row.partySize(),
                row.startDatetime(),
                row.endDatetime(),
                LOCAL_WITH_OFFSET.format(row.startDatetime().atZone(zone)),
                LOCAL_WITH_OFFSET.format(row.endDatetime().atZone(zone)),
                zone.getId(),
                row.status(),
                row.source(),
                row.customerNotes(),
                row.internalNotes(),
                row.dealId(),
                row.companyId(),
                row.preferredResourceId(),
                row.seatingPreference(),
                row.seatingPreferenceMet(),
                assigned,
                row.customFieldsByKey(),
                row.confirmationCode(),
                row.holdExpiresAt(),
                row.cancelledAt(),
                row.cancelledBy(),
                row.cancellationReason(),
                row.isOverride(),
                row.createdAt(),
                row.updatedAt());
    }

    /**
     * The summary read with the row; a contact the change just set (it was not read with the row) is read once
     * here. A contact deleted meanwhile shows as none.
     */
    private ContactSummary contactOf(ReservationRow row) {
        if (row.contactId() == null) {
            return null;
        }
        if (row.contact() != null && row.contact().id().equals(row.contactId())) {
            return row.contact();
        }
        return contacts.find(row.organizationId(), row.contactId())
                .map(ContactSummary::of)
                .orElse(null);
    }
}

package io.reserva.waitlist;

import io.reserva.availability.Occupancy;
import io.reserva.availability.OccupancySource;
import io.reserva.catalog.AssignmentMode;
import io.reserva.catalog.CatalogSnapshot;
import io.reserva.catalog.ReservationResource;
import io.reserva.catalog.ReservationService;
import io.reserva.catalog.ServiceResourceLink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Reads the live floor of a service for {@link WaitEstimator}: the tables its links can use (each unit of a
 * resource is a table), and what occupies them from now on, seated parties and booked arrivals alike, as the
 * reservations hold them (buffers included; a completed party's time already given back).
 */
@Component
class WaitQuotes {

    /** How far ahead booked arrivals matter to a party at the door. */
    static final Duration HORIZON = Duration.ofHours(12);

    private final OccupancySource occupancies;

    WaitQuotes(OccupancySource occupancies) {
        this.occupancies = occupancies;
    }

    /** One service's floor as it is now, read once and used for every entry of a page. */
    record Floor(ReservationService service, List<WaitEstimator.Table> tables, List<WaitEstimator.Occupation> taken) {}

    Optional<Floor> floor(CatalogSnapshot snapshot, UUID serviceId, Instant now) {
        Optional<ReservationService> found = snapshot.service(serviceId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReservationService service = found.get();
        Map<UUID, ReservationResource> usable = new LinkedHashMap<>();
        for (ServiceResourceLink link : snapshot.linksOf(serviceId)) {
            snapshot.resource(link.resourceId()).ifPresent(linked -> {
                if (link.assignmentMode() == AssignmentMode.ANY_AVAILABLE) {
                    snapshot.resources().stream()
                            .filter(r -> r.isActive() && r.resourceType().equals(linked.resourceType()))
                            .forEach(r -> usable.put(r.id(), r));
                } else if (linked.isActive()) {
                    usable.put(linked.id(), linked);
                }
            });
        }
        List<WaitEstimator.Table> tables = new ArrayList<>();
        for (ReservationResource resource : usable.values()) {
            int min = resource.minPartySize() == null ? 1 : resource.minPartySize();
            for (int unit = 0; unit < resource.units(); unit++) {
                tables.add(new WaitEstimator.Table(tableId(resource.id(), unit), min, resource.capacity()));
            }
        }
        List<WaitEstimator.Occupation> taken = new ArrayList<>();
        for (Occupancy occupancy : occupancies.between(snapshot.organizationId(), now, now.plus(HORIZON))) {
            if (occupancy.resourceId() != null
                    && usable.containsKey(occupancy.resourceId())
                    && occupancy.occupiedUntil().isAfter(now)) {
                taken.add(new WaitEstimator.Occupation(
                        tableId(occupancy.resourceId(), occupancy.unitIndex()),
                        occupancy.occupiedFrom(),
                        occupancy.occupiedUntil()));
            }
        }
        return Optional.of(new Floor(service, tables, taken));
    }

    /**
     * A table that fits the party and stays free for its whole turn from {@code now}: the smallest such, as a
     * host would choose. Empty when every fitting table is taken.
     */
    Optional<UUID> freeTable(Floor floor, Instant now, int partySize) {
        Duration stay = turnTime(floor.service(), partySize);
        Instant end = now.plus(stay);
        return floor.tables().stream()
                .filter(table -> table.fits(partySize))
                .filter(table -> floor.taken().stream()
                        .noneMatch(taken -> taken.tableId().equals(table.id())
                                && taken.from().isBefore(end)
                                && taken.until().isAfter(now)))
                .min(java.util.Comparator.comparing(
                        (WaitEstimator.Table table) -> table.capacity() == null ? Integer.MAX_VALUE : table.capacity()))
                .map(table -> UUID.fromString(table.id().toString().substring(0, 36)));
    }

    /** The quote of a party of {@code partySize} behind parties of {@code ahead} sizes, on this floor. */
    WaitEstimator.Quote quote(Floor floor, Instant now, List<Integer> ahead, int partySize) {
        ReservationService service = floor.service();
        WaitEstimator estimator = new WaitEstimator(size -> turnTime(service, size));
        return estimator.quote(now, floor.tables(), floor.taken(), ahead, partySize);
    }

    /** How long a party keeps its table: the turn time for its size and the buffers around it. */
    static Duration turnTime(ReservationService service, int partySize) {
        return Duration.ofMinutes(
                service.durationFor(partySize) + service.bufferBeforeMinutes() + service.bufferAfterMinutes());
    }

    private static String tableId(UUID resourceId, int unit) {
        return resourceId + "#" + unit;
    }
}

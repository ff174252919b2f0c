package io.reserva.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Existing occupancies of the asked span, indexed two ways: per resource unit sorted by time, to answer "is
 * this unit free for this window" by binary search, and per start instant of this service, to count parties.
 */
final class OccupancyIndex {

    private static final Comparator<Occupancy> BY_OCCUPIED_FROM =
            (a, b) -> a.occupiedFrom().compareTo(b.occupiedFrom());

    private final Map<UUID, ResourceTimeline> timelinesByResource;
    private final Map<Instant, PartiesAtStart> partiesByStart;
    private final ServiceParties serviceParties;
    private final Map<UUID, ServiceParties> partiesByArea;

    private OccupancyIndex(
            Map<UUID, ResourceTimeline> timelinesByResource,
            Map<Instant, PartiesAtStart> partiesByStart,
            ServiceParties serviceParties,
            Map<UUID, ServiceParties> partiesByArea) {
        this.timelinesByResource = timelinesByResource;
        this.partiesByStart = partiesByStart;
        this.serviceParties = serviceParties;
        this.partiesByArea = partiesByArea;
    }

    static OccupancyIndex empty() {
        return new OccupancyIndex(Map.of(), Map.of(), new ServiceParties(List.of()), Map.of());
    }

    static OccupancyIndex of(List<Occupancy> occupancies, UUID serviceId, Set<UUID> resourceIds, Interval span) {
        return of(occupancies, serviceId, resourceIds, Map.of(), span);
    }

    /**
     * Keeps rows on the given resources that overlap {@code span}, and this service's rows that start in it
     * (for party counts); everything else cannot matter to the asked dates. {@code pacedAreaOf} maps each resource
     * of a paced area to that area, whose parties are then counted apart: a party counts in every paced area where
     * it holds a row.
     */
    static OccupancyIndex of(
            List<Occupancy> occupancies,
            UUID serviceId,
            Set<UUID> resourceIds,
            Map<UUID, UUID> pacedAreaOf,
            Interval span) {
        Instant spanFrom = span.from();
        Instant spanUntil = span.until();
        Map<UUID, List<List<Occupancy>>> rowsByResourceUnit = new HashMap<>();
        Map<Instant, Map<UUID, Occupancy>> serviceRowsByStart = new HashMap<>();
        Map<Instant, Set<UUID>> serviceResourcesByStart = new HashMap<>();
        Map<UUID, Occupancy> servicePartiesById = new HashMap<>();
        Map<UUID, Map<UUID, Occupancy>> areaPartiesById = new HashMap<>();
        for (Occupancy row : occupancies) {
            // A row that misses the span cannot start inside it either (its start lies within its occupied
            // interval), and skipping it early spares most of the memory reads of a long list.
            if (!row.occupiedFrom().isBefore(spanUntil) || !spanFrom.isBefore(row.occupiedUntil())) {
                continue;
            }
            if (row.resourceId() != null && resourceIds.contains(row.resourceId())) {
                List<List<Occupancy>> units =
                        rowsByResourceUnit.computeIfAbsent(row.resourceId(), id -> new ArrayList<>());
                while (units.size() <= row.unitIndex()) {
                    units.add(new ArrayList<>());
                }
                units.get(row.unitIndex()).add(row);
            }
            if (row.serviceId().equals(serviceId)) {
                servicePartiesById.putIfAbsent(row.reservationId(), row);
                UUID area = row.resourceId() == null ? null : pacedAreaOf.get(row.resourceId());
                if (area != null) {
                    areaPartiesById.computeIfAbsent(area, a -> new HashMap<>()).putIfAbsent(row.reservationId(), row);
                }
            }
            if (row.serviceId().equals(serviceId)
                    && !row.start().isBefore(spanFrom)
                    && row.start().isBefore(spanUntil)) {
                serviceRowsByStart
                        .computeIfAbsent(row.start(), t -> new LinkedHashMap<>())
                        .putIfAbsent(row.reservationId(), row);
                if (row.resourceId() != null) {
                    serviceResourcesByStart
                            .computeIfAbsent(row.start(), t -> new LinkedHashSet<>())
                            .add(row.resourceId());
                }
            }
        }
        Map<UUID, ResourceTimeline> timelines = new HashMap<>();
        rowsByResourceUnit.forEach(
                (resourceId, rowsByUnit) -> timelines.put(resourceId, ResourceTimeline.of(rowsByUnit)));
        Map<Instant, PartiesAtStart> parties = new HashMap<>();
        serviceRowsByStart.forEach((start, rowsByReservation) -> parties.put(
                start,
                PartiesAtStart.of(rowsByReservation.values(), serviceResourcesByStart.getOrDefault(start, Set.of()))));
        Map<UUID, ServiceParties> byArea = new HashMap<>();
        areaPartiesById.forEach((area, byId) -> byArea.put(area, new ServiceParties(byId.values())));
        return new OccupancyIndex(timelines, parties, new ServiceParties(servicePartiesById.values()), byArea);
    }

    /** Every party of this service, one row per reservation. */
    ServiceParties serviceParties() {
        return serviceParties;
    }

    /** The parties of this service holding a resource in a paced area (none for an area that is not paced). */
    ServiceParties partiesIn(UUID area) {
        return partiesByArea.getOrDefault(area, ServiceParties.NONE);
    }

    /** The rows of one resource; a resource without rows gets an always-free timeline. */
    ResourceTimeline timelineOf(UUID resourceId) {
        return timelinesByResource.getOrDefault(resourceId, ResourceTimeline.FREE);
    }

    PartiesAtStart partiesStartingAt(Instant start) {
        return partiesByStart.getOrDefault(start, PartiesAtStart.NONE);
    }

    /** Parties of the service, one row each, ordered by start, to count what pacing limits. */
    static final class ServiceParties {

        static final ServiceParties NONE = new ServiceParties(List.of());

        private final List<Occupancy> serviceParties;
        private final Duration longestStay;

        ServiceParties(Collection<Occupancy> onePerReservation) {
            List<Occupancy> sorted = new ArrayList<>(onePerReservation);
            sorted.sort(Comparator.comparing(Occupancy::start));
            this.serviceParties = sorted;
            Duration longest = Duration.ZERO;
            for (Occupancy party : sorted) {
                Duration stay = Duration.between(party.start(), party.end());
                longest = stay.compareTo(longest) > 0 ? stay : longest;
            }
            this.longestStay = longest;
        }

        /** Guests and parties of this service starting in [from, until). */
        int[] coversAndPartiesStartingBetween(Instant from, Instant until) {
            int covers = 0;
            int parties = 0;
            for (int i = firstStartingAtOrAfter(from); i < serviceParties.size(); i++) {
                Occupancy party = serviceParties.get(i);
                if (!party.start().isBefore(until)) {
                    break;
                }
                covers += party.partySize();
                parties++;
            }
            return new int[] {covers, parties};
        }

        /**
         * The most guests of this service seated at one moment of [from, until): the count can only rise where a
         * party starts, so it is enough to look at {@code from} and at each start inside.
         */
        int peakSeatedCovers(Instant from, Instant until) {
            int peak = 0;
            List<Instant> moments = new ArrayList<>();
            moments.add(from);
            for (int i = firstStartingAtOrAfter(from); i < serviceParties.size(); i++) {
                Instant start = serviceParties.get(i).start();
                if (!start.isBefore(until)) {
                    break;
                }
                moments.add(start);
            }
            for (Instant moment : moments) {
                int seated = 0;
                // Nobody who started more than the longest stay before this moment is still seated.
                for (int i = firstStartingAtOrAfter(moment.minus(longestStay)); i < serviceParties.size(); i++) {
                    Occupancy party = serviceParties.get(i);
                    if (party.start().isAfter(moment)) {
                        break;
                    }
                    if (moment.isBefore(party.end())) {
                        seated += party.partySize();
                    }
                }
                peak = Math.max(peak, seated);
            }
            return peak;
        }

        private int firstStartingAtOrAfter(Instant from) {
            int low = 0;
            int high = serviceParties.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (serviceParties.get(middle).start().isBefore(from)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /** The reservations of this service that start at one instant. */
    record PartiesAtStart(List<UUID> reservationIds, int participants, List<UUID> resourceIds) {

        static final PartiesAtStart NONE = new PartiesAtStart(List.of(), 0, List.of());

        static PartiesAtStart of(Iterable<Occupancy> oneRowPerReservation, Set<UUID> resourceIds) {
            List<UUID> reservations = new ArrayList<>();
            int participants = 0;
            for (Occupancy row : oneRowPerReservation) {
                reservations.add(row.reservationId());
                participants += row.partySize();
            }
            return new PartiesAtStart(List.copyOf(reservations), participants, List.copyOf(resourceIds));
        }

        int count() {
            return reservationIds.size();
        }
    }

    /** The occupied intervals of each unit of one resource. */
    static final class ResourceTimeline {

        static final ResourceTimeline FREE = new ResourceTimeline(new UnitTimeline[0]);

        private final UnitTimeline[] units;

        private ResourceTimeline(UnitTimeline[] units) {
            this.units = units;
        }

        static ResourceTimeline of(List<List<Occupancy>> rowsByUnit) {
            UnitTimeline[] units = new UnitTimeline[rowsByUnit.size()];
            for (int unit = 0; unit < units.length; unit++) {
                List<Occupancy> rows = rowsByUnit.get(unit);
                rows.sort(BY_OCCUPIED_FROM);
                units[unit] = rows.isEmpty() ? null : UnitTimeline.of(rows);
            }
            return new ResourceTimeline(units);
        }

        /** Per unit index, as the database's exclusion constraint is: one overlapping row makes the unit busy. */
        boolean unitFree(int unit, Instant from, Instant until) {
            return unit >= units.length || units[unit] == null || !units[unit].overlaps(from, until);
        }

        /** Load for best fit: seconds the resource is occupied, on any unit, within [from, until). */
        long occupiedSeconds(Instant from, Instant until) {
            long total = 0;
            for (UnitTimeline timeline : units) {
                if (timeline != null) {
                    total += timeline.occupiedSeconds(from, until);
                }
            }
            return total;
        }
    }

    /** One unit's occupied intervals sorted by start; a running maximum of ends keeps overlaps findable. */
    private static final class UnitTimeline {

        private final Instant[] starts;
        private final Instant[] ends;
        private final Instant[] latestEndSoFar;
        private final Duration longest;

        private UnitTimeline(Instant[] starts, Instant[] ends, Instant[] latestEndSoFar, Duration longest) {
            this.starts = starts;
            this.ends = ends;
            this.latestEndSoFar = latestEndSoFar;
            this.longest = longest;
        }

        /** The rows must already be sorted by the start of their occupied interval. */
        static UnitTimeline of(List<Occupancy> rows) {
            int size = rows.size();
            Instant[] starts = new Instant[size];
            Instant[] ends = new Instant[size];
            Instant[] latest = new Instant[size];
            Duration longest = Duration.ZERO;
            for (int i = 0; i < size; i++) {
                starts[i] = rows.get(i).occupiedFrom();
                ends[i] = rows.get(i).occupiedUntil();
                latest[i] = i == 0 || ends[i].isAfter(latest[i - 1]) ? ends[i] : latest[i - 1];
                Duration length = Duration.between(starts[i], ends[i]);
                longest = length.compareTo(longest) > 0 ? length : longest;
            }
            return new UnitTimeline(starts, ends, latest, longest);
        }

        boolean overlaps(Instant from, Instant until) {
            int startingBefore = countStartingBefore(until);
            return startingBefore > 0 && latestEndSoFar[startingBefore - 1].isAfter(from);
        }

        long occupiedSeconds(Instant from, Instant until) {
            long total = 0;
            for (int i = countStartingBefore(from.minus(longest));
                    i < starts.length && starts[i].isBefore(until);
                    i++) {
                Instant overlapFrom = starts[i].isAfter(from) ? starts[i] : from;
                Instant overlapUntil = ends[i].isBefore(until) ? ends[i] : until;
                if (overlapFrom.isBefore(overlapUntil)) {
                    total += overlapUntil.getEpochSecond() - overlapFrom.getEpochSecond();
                }
            }
            return total;
        }

        private int countStartingBefore(Instant instant) {
            int low = 0;
            int high = starts.length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (starts[middle].isBefore(instant)) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }
}

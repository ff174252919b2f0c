package io.reserva.availability;

import java.util.Map;
import java.util.UUID;

/**
 * Whether a party size can be served at all, whatever the date. The service's own limits always refuse; the
 * sizes of the linked resources only explain an empty answer, because a party joining a shared start takes no
 * resources. Too large is reported before too small.
 */
final class PartyFit {

    private PartyFit() {}

    /** Null when the service itself accepts the party size. */
    static RefusalReason serviceLimits(ServiceRules service, int partySize) {
        if (service.maxPartySize() != null && partySize > service.maxPartySize()) {
            return RefusalReason.PARTY_TOO_LARGE;
        }
        if (service.seating() == Seating.SHARED
                && service.maxParticipantsPerSlot() != null
                && partySize > service.maxParticipantsPerSlot()) {
            return RefusalReason.PARTY_TOO_LARGE;
        }
        if (partySize < service.minPartySize()) {
            return RefusalReason.PARTY_TOO_SMALL;
        }
        return null;
    }

    /**
     * Null when every required resource and enough resources of every any_available group (and the resource
     * asked for, if any) seat the party; otherwise whether it is too large or too small for them.
     */
    static RefusalReason resourceSizes(
            ScheduleSnapshot schedule, Map<UUID, Resource> resources, int partySize, UUID onlyResource) {
        if (!resourcesSeat(schedule, resources, partySize, onlyResource, false)) {
            return RefusalReason.PARTY_TOO_LARGE;
        }
        if (!resourcesSeat(schedule, resources, partySize, onlyResource, true)) {
            return RefusalReason.PARTY_TOO_SMALL;
        }
        return null;
    }

    private static boolean resourcesSeat(
            ScheduleSnapshot schedule,
            Map<UUID, Resource> resources,
            int partySize,
            UUID onlyResource,
            boolean checkMinimum) {
        for (ResourceLink link : schedule.links()) {
            if (link.mode() == AssignmentMode.REQUIRED) {
                Resource resource = resources.get(link.resourceId());
                // A missing required resource is not a size problem; the day will say closed instead.
                if (resource != null && !fits(resource, partySize, checkMinimum)) {
                    return false;
                }
            }
            // Too few resources of the type at all is not a size problem; the day will say closed instead.
            boolean enoughOfType = countActive(link, resources) >= link.quantity();
            if (link.mode() == AssignmentMode.ANY_AVAILABLE
                    && enoughOfType
                    && countSeating(link, resources, partySize, checkMinimum) < link.quantity()
                    && !(link.quantity() == 1
                            && combinationSeats(schedule, link, resources, partySize, checkMinimum, null))) {
                return false;
            }
        }
        Resource restricted = onlyResource == null ? null : resources.get(onlyResource);
        return restricted == null
                || fits(restricted, partySize, checkMinimum)
                || combinationSeatsWith(schedule, resources, partySize, checkMinimum, onlyResource);
    }

    /** Some usable combination of the link's type (holding {@code table}, if given) seats the party. */
    private static boolean combinationSeats(
            ScheduleSnapshot schedule,
            ResourceLink link,
            Map<UUID, Resource> resources,
            int partySize,
            boolean checkMinimum,
            UUID table) {
        for (Combination combination : schedule.combinations()) {
            boolean sizeFits = checkMinimum ? combination.seats(partySize) : combination.maxPartySize() >= partySize;
            if (sizeFits
                    && (table == null || combination.resourceIds().contains(table))
                    && usable(combination, link.resourceType(), resources)) {
                return true;
            }
        }
        return false;
    }

    /** The restricted resource seats the party as one table of a combination that an any_available link may use. */
    private static boolean combinationSeatsWith(
            ScheduleSnapshot schedule, Map<UUID, Resource> resources, int partySize, boolean checkMinimum, UUID table) {
        for (ResourceLink link : schedule.links()) {
            if (link.mode() == AssignmentMode.ANY_AVAILABLE
                    && link.quantity() == 1
                    && combinationSeats(schedule, link, resources, partySize, checkMinimum, table)) {
                return true;
            }
        }
        return false;
    }

    private static boolean usable(Combination combination, String type, Map<UUID, Resource> resources) {
        for (UUID table : combination.resourceIds()) {
            Resource resource = resources.get(table);
            if (resource == null || !resource.active() || !resource.type().equals(type)) {
                return false;
            }
        }
        return true;
    }

    private static long countActive(ResourceLink link, Map<UUID, Resource> resources) {
        long count = 0;
        for (Resource resource : resources.values()) {
            if (resource.active() && resource.type().equals(link.resourceType())) {
                count++;
            }
        }
        return count;
    }

    private static long countSeating(
            ResourceLink link, Map<UUID, Resource> resources, int partySize, boolean checkMinimum) {
        long count = 0;
        for (Resource resource : resources.values()) {
            if (resource.active()
                    && resource.type().equals(link.resourceType())
                    && fits(resource, partySize, checkMinimum)) {
                count++;
            }
        }
        return count;
    }

    private static boolean fits(Resource resource, int partySize, boolean checkMinimum) {
        return checkMinimum
                ? resource.seats(partySize)
                : resource.capacity() == null || resource.capacity() >= partySize;
    }
}

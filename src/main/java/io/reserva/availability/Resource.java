package io.reserva.availability;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person, room, table or piece of equipment that reservations occupy (docs/scheduling-rules.md §2 and §5).
 *
 * @param capacity the largest party it serves; null when not applicable
 * @param minPartySize the smallest party it serves; null when any party will do
 * @param units how many allocations it holds at once; they are numbered 0 to units − 1
 * @param hours its own hours in its own zone; no weekly windows means it follows the organization
 * @param areaId the part of the floor it stands in (dining room, terrace); null when it belongs to none
 * @param areaHours its area's own hours, in the organization's zone: the resource is open only where both are;
 *     null when the area keeps no hours of its own (or there is no area)
 */
public record Resource(
        UUID id,
        String name,
        String type,
        Integer capacity,
        Integer minPartySize,
        int units,
        boolean active,
        OpeningHours hours,
        UUID areaId,
        OpeningHours areaHours) {

    public Resource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(hours, "hours");
        if (units < 1) {
            throw new IllegalArgumentException("units must be at least 1");
        }
    }

    /** A resource in no area. */
    public Resource(
            UUID id,
            String name,
            String type,
            Integer capacity,
            Integer minPartySize,
            int units,
            boolean active,
            OpeningHours hours) {
        this(id, name, type, capacity, minPartySize, units, active, hours, null, null);
    }

    /** An active single-unit resource that follows the organization's hours and takes any party. */
    public static Resource of(UUID id, String name, String type, ZoneId zone) {
        return new Resource(id, name, type, null, null, 1, true, OpeningHours.none(zone));
    }

    public ZoneId zone() {
        return hours.zone();
    }

    public boolean seats(int partySize) {
        return (capacity == null || capacity >= partySize) && (minPartySize == null || minPartySize <= partySize);
    }

    public Resource withCapacity(Integer maxParty, Integer minParty) {
        return new Resource(id, name, type, maxParty, minParty, units, active, hours, areaId, areaHours);
    }

    public Resource withUnits(int newUnits) {
        return new Resource(id, name, type, capacity, minPartySize, newUnits, active, hours, areaId, areaHours);
    }

    public Resource withHours(List<WeeklyWindow> weekly) {
        return new Resource(
                id,
                name,
                type,
                capacity,
                minPartySize,
                units,
                active,
                new OpeningHours(hours.zone(), weekly, hours.exceptions()),
                areaId,
                areaHours);
    }

    public Resource withExceptions(List<HoursException> exceptions) {
        return new Resource(
                id,
                name,
                type,
                capacity,
                minPartySize,
                units,
                active,
                hours.withExceptions(exceptions),
                areaId,
                areaHours);
    }

    public Resource inArea(UUID area) {
        return new Resource(id, name, type, capacity, minPartySize, units, active, hours, area, null);
    }

    /** In an area that keeps hours of its own. */
    public Resource inArea(UUID area, OpeningHours hoursOfArea) {
        return new Resource(id, name, type, capacity, minPartySize, units, active, hours, area, hoursOfArea);
    }

    public Resource inactive() {
        return new Resource(id, name, type, capacity, minPartySize, units, false, hours, areaId, areaHours);
    }
}

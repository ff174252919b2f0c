package io.reserva.availability;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The scheduling rules of one bookable service (docs/scheduling-rules.md §3 and §4).
 *
 * @param slotIntervalMinutes minutes between grid starts; null means the service duration
 * @param slotCapacity parties that may start at the same instant; null means unlimited
 * @param maxPartySize null means no upper limit
 * @param maxParticipantsPerSlot seats of one shared start; null means unlimited (shared seating only)
 * @param maxAdvanceDays how many days after today may still be booked; null means no limit
 */
public record ServiceRules(
        UUID id,
        ZoneId zone,
        boolean active,
        int durationMinutes,
        int bufferBeforeMinutes,
        int bufferAfterMinutes,
        Integer slotIntervalMinutes,
        Integer slotCapacity,
        int minPartySize,
        Integer maxPartySize,
        List<PartySizeDuration> durationsByPartySize,
        Seating seating,
        Integer maxParticipantsPerSlot,
        Integer maxAdvanceDays,
        int minAdvanceHours) {

    public ServiceRules {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(seating, "seating");
        requireAtLeast(1, durationMinutes, "durationMinutes");
        requireAtLeast(0, bufferBeforeMinutes, "bufferBeforeMinutes");
        requireAtLeast(0, bufferAfterMinutes, "bufferAfterMinutes");
        requireAtLeast(1, slotIntervalMinutes, "slotIntervalMinutes");
        requireAtLeast(0, slotCapacity, "slotCapacity");
        requireAtLeast(1, minPartySize, "minPartySize");
        requireAtLeast(1, maxPartySize, "maxPartySize");
        requireAtLeast(1, maxParticipantsPerSlot, "maxParticipantsPerSlot");
        requireAtLeast(0, maxAdvanceDays, "maxAdvanceDays");
        requireAtLeast(0, minAdvanceHours, "minAdvanceHours");
        durationsByPartySize = durationsByPartySize.stream()
                .sorted(Comparator.comparingInt(PartySizeDuration::maxPartySize))
                .toList();
    }

    /** A 1-person, separately seated, always-bookable service; tune it with the {@code with…} methods. */
    public static ServiceRules of(UUID id, ZoneId zone, int durationMinutes) {
        return new ServiceRules(
                id, zone, true, durationMinutes, 0, 0, null, null, 1, null, List.of(), Seating.SEPARATE, null, null, 0);
    }

    /** Turn time: the first entry (by max party size) that takes the party, else the plain duration. */
    public Duration durationFor(int partySize) {
        for (PartySizeDuration entry : durationsByPartySize) {
            if (entry.maxPartySize() >= partySize) {
                return Duration.ofMinutes(entry.durationMinutes());
            }
        }
        return Duration.ofMinutes(durationMinutes);
    }

    /** The longest stay any party can have, which bounds how far past a day its slots can reach. */
    public Duration longestDuration() {
        int longest = durationMinutes;
        for (PartySizeDuration entry : durationsByPartySize) {
            longest = Math.max(longest, entry.durationMinutes());
        }
        return Duration.ofMinutes(longest);
    }

    public int slotInterval() {
        return slotIntervalMinutes == null ? durationMinutes : slotIntervalMinutes;
    }

    public Duration bufferBefore() {
        return Duration.ofMinutes(bufferBeforeMinutes);
    }

    public Duration bufferAfter() {
        return Duration.ofMinutes(bufferAfterMinutes);
    }

    public ServiceRules inactive() {
        return new ServiceRules(
                id,
                zone,
                false,
                durationMinutes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                slotIntervalMinutes,
                slotCapacity,
                minPartySize,
                maxPartySize,
                durationsByPartySize,
                seating,
                maxParticipantsPerSlot,
                maxAdvanceDays,
                minAdvanceHours);
    }

    public ServiceRules withBuffers(int before, int after) {
        return new ServiceRules(
                id,
                zone,
                active,
                durationMinutes,
                before,
                after,
                slotIntervalMinutes,
                slotCapacity,
                minPartySize,
                maxPartySize,
                durationsByPartySize,
                seating,
                maxParticipantsPerSlot,
                maxAdvanceDays,
                minAdvanceHours);
    }

    public ServiceRules withSlotInterval(Integer minutes) {
        return new ServiceRules(
                id,
                zone,
                active,
                durationMinutes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                minutes,
                slotCapacity,
                minPartySize,
                maxPartySize,
                durationsByPartySize,
                seating,
                maxParticipantsPerSlot,
                maxAdvanceDays,
                minAdvanceHours);
    }

    public ServiceRules withSlotCapacity(Integer parties) {
        return new ServiceRules(
                id,
                zone,
                active,
                durationMinutes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                slotIntervalMinutes,
                parties,
                minPartySize,
                maxPartySize,
                durationsByPartySize,
                seating,
                maxParticipantsPerSlot,
                maxAdvanceDays,
                minAdvanceHours);
    }

    public ServiceRules withPartySizes(int min, Integer max) {
        return new ServiceRules(
                id,
                zone,
                active,
                durationMinutes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                slotIntervalMinutes,
                slotCapacity,
                min,
                max,
                durationsByPartySize,
                seating,
                maxParticipantsPerSlot,
                maxAdvanceDays,
                minAdvanceHours);
    }

    public ServiceRules withDurationsByPartySize(List<PartySizeDuration> turnTimes) {
        return new ServiceRules(
                id,
                zone,
                active,
                durationMinutes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                slotIntervalMinutes,
                slotCapacity,
                minPartySize,
                maxPartySize,
                turnTimes,
                seating,
                maxParticipantsPerSlot,
                maxAdvanceDays,
                minAdvanceHours);
    }

    public ServiceRules withSharedSeating(Integer maxParticipants) {
        return new ServiceRules(
                id,
                zone,
                active,
                durationMinutes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                slotIntervalMinutes,
                slotCapacity,
                minPartySize,
                maxPartySize,
                durationsByPartySize,
                Seating.SHARED,
                maxParticipants,
                maxAdvanceDays,
                minAdvanceHours);
    }

    public ServiceRules withAdvance(int minHours, Integer maxDays) {
        return new ServiceRules(
                id,
                zone,
                active,
                durationMinutes,
                bufferBeforeMinutes,
                bufferAfterMinutes,
                slotIntervalMinutes,
                slotCapacity,
                minPartySize,
                maxPartySize,
                durationsByPartySize,
                seating,
                maxParticipantsPerSlot,
                maxDays,
                minHours);
    }

    private static void requireAtLeast(int minimum, Integer value, String name) {
        if (value != null && value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum);
        }
    }
}

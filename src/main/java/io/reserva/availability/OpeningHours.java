package io.reserva.availability;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Weekly windows and dated exceptions of one owner (the organization or a resource), in the owner's zone.
 *
 * <p>Empty weekly windows mean the owner keeps no hours of its own; its exceptions still apply.
 */
public record OpeningHours(ZoneId zone, List<WeeklyWindow> weekly, List<HoursException> exceptions) {

    public OpeningHours {
        Objects.requireNonNull(zone, "zone");
        weekly = List.copyOf(weekly);
        exceptions = List.copyOf(exceptions);
    }

    public static OpeningHours none(ZoneId zone) {
        return new OpeningHours(zone, List.of(), List.of());
    }

    public static OpeningHours weekly(ZoneId zone, List<WeeklyWindow> windows) {
        return new OpeningHours(zone, windows, List.of());
    }

    public OpeningHours withExceptions(List<HoursException> newExceptions) {
        return new OpeningHours(zone, weekly, newExceptions);
    }

    public boolean hasWeeklyHours() {
        return !weekly.isEmpty();
    }
}

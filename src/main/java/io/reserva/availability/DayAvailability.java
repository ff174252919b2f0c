package io.reserva.availability;

import java.time.LocalDate;
import java.util.List;

/**
 * The slots of one service-local date, and when there are none, why.
 *
 * @param reason null when the day is bookable
 */
public record DayAvailability(LocalDate date, List<AvailableSlot> slots, DayReason reason) {

    public DayAvailability {
        slots = List.copyOf(slots);
        if (slots.isEmpty() == (reason == null)) {
            throw new IllegalArgumentException("a day has slots or a reason, never both or neither");
        }
    }

    public boolean bookable() {
        return !slots.isEmpty();
    }
}

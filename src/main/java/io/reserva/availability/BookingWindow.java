package io.reserva.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** The span of starts a service accepts right now: not sooner than min_advance_hours, not past max_advance_days. */
final class BookingWindow {

    private final Instant earliest;
    private final Instant endExclusive;

    private BookingWindow(Instant earliest, Instant endExclusive) {
        this.earliest = earliest;
        this.endExclusive = endExclusive;
    }

    /** The last bookable day ends where the day after it starts, in the service zone. */
    static BookingWindow of(ServiceRules service, Clock clock) {
        Instant now = clock.instant();
        Instant earliest = now.plus(Duration.ofHours(service.minAdvanceHours()));
        if (service.maxAdvanceDays() == null) {
            return new BookingWindow(earliest, null);
        }
        LocalDate today = LocalDate.ofInstant(now, service.zone());
        Instant end = today.plusDays(service.maxAdvanceDays() + 1L)
                .atStartOfDay(service.zone())
                .toInstant();
        return new BookingWindow(earliest, end);
    }

    boolean contains(Instant start) {
        return !start.isBefore(earliest) && (endExclusive == null || start.isBefore(endExclusive));
    }

    boolean overlaps(Instant from, Instant until) {
        return until.isAfter(earliest) && (endExclusive == null || from.isBefore(endExclusive));
    }
}

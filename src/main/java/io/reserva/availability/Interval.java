package io.reserva.availability;

import java.time.Instant;

/** A half-open span of real time [from, until); touching intervals do not overlap. */
record Interval(Instant from, Instant until) {

    boolean isEmpty() {
        return !from.isBefore(until);
    }
}

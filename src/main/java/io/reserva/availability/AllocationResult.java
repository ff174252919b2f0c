package io.reserva.availability;

/** The answer to a booking request: an {@link Allocation} or a {@link Refusal}. */
public sealed interface AllocationResult permits Allocation, Refusal {

    boolean allocated();
}

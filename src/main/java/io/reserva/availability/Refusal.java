package io.reserva.availability;

/** A booking request that cannot be placed, and why. */
public record Refusal(RefusalReason reason) implements AllocationResult {

    @Override
    public boolean allocated() {
        return false;
    }
}

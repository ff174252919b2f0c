package io.reserva.availability;

/** A turn time: parties up to {@code maxPartySize} stay {@code durationMinutes}. */
public record PartySizeDuration(int maxPartySize, int durationMinutes) {

    public PartySizeDuration {
        if (maxPartySize < 1) {
            throw new IllegalArgumentException("maxPartySize must be at least 1");
        }
        if (durationMinutes < 1) {
            throw new IllegalArgumentException("durationMinutes must be at least 1");
        }
    }
}

package io.reserva.waitlist;

import java.time.Instant;

/**
 * What a party joining today's now waitlist of a service could expect: whether the venue opens for the service
 * today, the active parties ahead, and the quoted seat range ({@code null} ends when no table of the service fits).
 */
public record NowWaitEstimate(boolean open, int partiesAhead, Instant seatFrom, Instant seatTo) {}

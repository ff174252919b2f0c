package io.reserva.availability;

/** Why one requested start cannot be allocated; every refusal means the start is not among the day's slots. */
public enum RefusalReason {
    SERVICE_INACTIVE,
    PARTY_TOO_SMALL,
    PARTY_TOO_LARGE,
    /** The start falls outside every opening window of its date: closed hours, a blocked date, a midday break. */
    CLOSED,
    /** The start falls inside opening hours but is not one of the service's grid times (18:10 on a 15-minute grid). */
    NOT_ON_GRID,
    OUTSIDE_BOOKING_WINDOW,
    /** The occupied window, buffers included, does not fit inside the organization's open hours. */
    OUTSIDE_OPEN_HOURS,
    /** Slot capacity is reached, or the shared start has too few seats left. */
    SLOT_FULL,
    /** The service's pacing: too many guests or parties starting in the interval, or seated at once. */
    PACING_LIMIT,
    /** The linked resources are closed, busy or unfit for the party at that time. */
    RESOURCES_UNAVAILABLE
}

package io.reserva.availability;

/** How a service draws on a resource. */
public enum AssignmentMode {
    /** This resource must be free and is always allocated. */
    REQUIRED,
    /** This resource is allocated when it is free and never blocks a booking. */
    OPTIONAL,
    /** Any active resource of a type may be used; the engine picks the best fit. */
    ANY_AVAILABLE
}

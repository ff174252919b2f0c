package io.reserva.availability;

/** Whether each party gets its own resources or parties starting together share one allocation. */
public enum Seating {
    /** Each party is allocated its own resources (restaurant tables, appointments). */
    SEPARATE,
    /** Parties starting at the same time join one allocation, up to the participant limit (classes, tours). */
    SHARED
}

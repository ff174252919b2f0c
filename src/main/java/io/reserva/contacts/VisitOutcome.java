package io.reserva.contacts;

/** How one of a contact's reservations ended, as far as the contact's history counts it. */
public enum VisitOutcome {
    COMPLETED,
    NO_SHOW,
    CANCELLED
}

package io.reserva.availability;

/** What an hours exception does to its date. */
public enum ExceptionType {
    /** Closed for the whole date: every window starting that date is removed. */
    BLOCKED,
    /** The date's windows are replaced by the exception's own window (several rows on one date add up). */
    SPECIAL_HOURS
}

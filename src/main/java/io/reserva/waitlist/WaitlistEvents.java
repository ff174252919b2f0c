package io.reserva.waitlist;

/**
 * What happens to waitlist entries, published inside the transaction that made it happen (the webhooks module
 * stores them in its outbox; notifications can tell the guest).
 */
public final class WaitlistEvents {

    private WaitlistEvents() {}

    public record WaitlistEntryCreated(WaitlistEntryView entry) {}

    /** The entry moved from one status to another; an open offer is {@code offered} with its offer fields set. */
    public record WaitlistEntryStatusChanged(
            WaitlistEntryView entry, WaitlistEntryStatus from, WaitlistEntryStatus to) {}

    /** Notes, tags or the quote override changed. */
    public record WaitlistEntryUpdated(WaitlistEntryView entry) {}
}

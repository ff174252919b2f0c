package io.reserva.assistants;

import io.reserva.reservations.ReservationView;
import io.reserva.shared.query.Page;
import io.reserva.waitlist.WaitlistEntryView;

/**
 * What a tool may answer. An assistant speaks for the public: it never sees the stored guest data of a
 * reservation (the contact's name, email and phone), only what its caller sent and the contact's id.
 */
final class ToolResults {

    private ToolResults() {}

    /** The handler's result with every reservation's stored contact left out. */
    static Object withoutStoredContacts(Object result) {
        if (result instanceof ReservationView view) {
            return view.withoutContact();
        }
        if (result instanceof WaitlistEntryView entry) {
            return entry.withoutContact();
        }
        if (result instanceof Page<?> page) {
            return page.map(item -> item instanceof ReservationView view ? view.withoutContact() : item);
        }
        return result;
    }
}

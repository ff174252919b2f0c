package io.reserva.assistants;

import io.reserva.reservations.ReservationView;
import io.reserva.shared.query.Page;
import io.reserva.waitlist.WaitlistEntryView;

/**
 * What a tool may answer. An assistant speaks for the public, so it never reads stored guest data: the answer to
 * create_reservation is the booking as its guest may see it ({@link ReservationView#forGuest()}: what was just
 * sent, never the stored contact or its id), and reservations found or changed, which need not be the caller's,
 * show only the place they take and their state ({@link ReservationView#forStranger()}).
 */
final class ToolResults {

    private ToolResults() {}

    /** The handler's result as the assistant may see it. */
    static Object asSeenByAssistant(AssistantTool tool, Object result) {
        if (result instanceof ReservationView view) {
            return tool == AssistantTool.CREATE_RESERVATION ? view.forGuest() : view.forStranger();
        }
        if (result instanceof WaitlistEntryView entry) {
            return entry.withoutContact();
        }
        if (result instanceof Page<?> page) {
            return page.map(item -> item instanceof ReservationView view ? view.forStranger() : item);
        }
        return result;
    }
}

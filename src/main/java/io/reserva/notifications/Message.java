package io.reserva.notifications;

/**
 * A message ready to send: its subject, plain-text and HTML bodies, the calendar invite it carries (null for a
 * reminder), and the link that unsubscribes the guest from reminders (null when there is none), which goes into the
 * {@code List-Unsubscribe} header too.
 */
record Message(String subject, String text, String html, CalendarInvite invite, String unsubscribeLink) {

    Message(String subject, String text, String html, CalendarInvite invite) {
        this(subject, text, html, invite, null);
    }

    /** An iCalendar object and its METHOD ({@code REQUEST} or {@code CANCEL}), which the MIME type repeats. */
    record CalendarInvite(String method, String ics) {}
}

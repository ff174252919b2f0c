package io.reserva.notifications;

/**
 * A message ready to send: its subject, plain-text and HTML bodies, and the calendar invite it carries (null for
 * a reminder).
 */
record Message(String subject, String text, String html, CalendarInvite invite) {

    /** An iCalendar object and its METHOD ({@code REQUEST} or {@code CANCEL}), which the MIME type repeats. */
    record CalendarInvite(String method, String ics) {}
}

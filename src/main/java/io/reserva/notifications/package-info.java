/**
 * Guest notifications: the emails a booking causes (confirmation, change, cancellation, reminder), each with a
 * calendar invite, and the same messages by SMS (Twilio or a signed webhook) where the organization chose a
 * provider, queued in PostgreSQL in the booking's own transaction and sent by whichever node claims them first,
 * with retries, a log, and nothing lost when no mail server is configured; and the secret calendar feeds staff
 * subscribe to ({@code /calendars/{token}.ics}).
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.notifications;

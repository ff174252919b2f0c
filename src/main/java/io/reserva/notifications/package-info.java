/**
 * Guest notifications: the emails a booking causes (confirmation, change, cancellation, reminder, a lapsed hold) and
 * the waitlist's (an offer, a table that is ready), the booking's with a calendar invite, the guest's own manage
 * link and an unsubscribe link; the booking's messages also by SMS (Twilio or a signed webhook) where the
 * organization chose a provider. Queued in PostgreSQL in the booking's own transaction and sent by whichever node
 * claims them first, with retries, a log, and nothing lost when no mail server is configured; and the secret
 * calendar feeds staff subscribe to ({@code /calendars/{token}.ics}).
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.notifications;

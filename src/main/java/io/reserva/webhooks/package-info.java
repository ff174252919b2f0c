/**
 * Events and webhooks: every change to reservations, contacts and waitlist entries is recorded as an event in the transaction
 * that made it (an outbox), kept 30 days for polling ({@code GET /events}), and delivered to the organization's
 * webhook endpoints at least once, signed per Standard Webhooks, retried with backoff for about three days.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.webhooks;

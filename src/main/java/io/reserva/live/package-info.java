/**
 * Live updates: every change an organization's events record reaches its open Server-Sent Events streams
 * ({@code GET /events/stream}) on every node within a second or two, and a reconnecting client resumes after the
 * last event it saw without losing one.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.live;

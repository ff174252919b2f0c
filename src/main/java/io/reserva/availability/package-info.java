/**
 * Availability: which start times of a service can be booked, and where a booking goes. The engine
 * ({@link io.reserva.availability.AvailabilityEngine}) is plain Java with an injected clock and no I/O; the
 * API, the booking path and every channel use the same one.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.availability;

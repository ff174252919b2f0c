/**
 * Reservations: booking, holding, rescheduling and cancelling without ever double-booking. The slot engine
 * decides where a party goes; a PostgreSQL exclusion constraint on the allocations has the final word.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.reservations;

/**
 * The staff console: the day a venue runs (its reservations, resources and opening hours in one answer) and the
 * browser application at {@code /console} that shows it and acts on it through the public API.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.console;

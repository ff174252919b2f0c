/**
 * The Google channel: an Actions Center booking server (v3) through which guests book from Google Search and
 * Maps, booking through the reservations module's guest commands on the same slot engine as every other channel.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.google;

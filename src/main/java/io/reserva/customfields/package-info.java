/**
 * Custom fields: the extra questions an organization asks on its reservations and contacts, and the checking
 * of the answers against them.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.customfields;

/**
 * Public booking pages: the links an organization publishes at {@code /b/{organization_id}/{slug}}, the page a
 * guest books on, and the narrow public JSON API behind it (slots, holds, confirmation, a private manage link).
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.bookingpages;

/** HTTP of the booking pages: the link API for integrators, the public JSON API and the HTML pages for guests. */
package io.reserva.bookingpages.web;

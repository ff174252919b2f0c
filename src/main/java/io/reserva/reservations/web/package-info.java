/** HTTP face of reservations. */
package io.reserva.reservations.web;

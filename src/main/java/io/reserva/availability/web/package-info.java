/** HTTP face of availability: the slots endpoint. */
package io.reserva.availability.web;

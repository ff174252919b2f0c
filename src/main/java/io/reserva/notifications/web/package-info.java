/** HTTP for the guest message log. */
package io.reserva.notifications.web;

/** HTTP for the waitlist: {@code /waitlist-entries}. */
package io.reserva.waitlist.web;

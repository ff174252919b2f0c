/** HTTP face of contacts: the {@code /contacts}, {@code /companies} and {@code /deals} endpoints. */
package io.reserva.contacts.web;

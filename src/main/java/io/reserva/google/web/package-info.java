/** HTTP for the Google channel: the per-organization settings and the v3 booking server Google calls. */
package io.reserva.google.web;

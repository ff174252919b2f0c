/** HTTP face of custom fields: the {@code /custom-fields} endpoints. */
package io.reserva.customfields.web;

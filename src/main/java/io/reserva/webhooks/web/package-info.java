/** HTTP for events, webhook endpoints and deliveries. */
package io.reserva.webhooks.web;

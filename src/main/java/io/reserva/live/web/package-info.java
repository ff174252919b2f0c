/** HTTP for live updates: {@code GET /events/stream}, Server-Sent Events. */
package io.reserva.live.web;

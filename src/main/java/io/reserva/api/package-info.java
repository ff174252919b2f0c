/**
 * The conventions every HTTP call follows: request ids, rate limits, body limits, idempotent POSTs, RFC 9457
 * errors, partial updates and the OpenAPI document.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.api;

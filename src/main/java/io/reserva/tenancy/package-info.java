/**
 * Tenancy: organizations, the API keys that act for them, and who the caller of a request is.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.tenancy;

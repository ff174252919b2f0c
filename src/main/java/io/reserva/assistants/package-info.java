/**
 * AI assistants: which of the five reservation tools each may call, the credential it calls them with, and the
 * tools themselves, served over the Model Context Protocol and a plain REST face, through the same facades,
 * validation and tenancy as the REST API.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.assistants;

/**
 * Where the data lives: an embedded, durable PostgreSQL under the data directory by default, or an external
 * PostgreSQL named by {@code RESERVA_DATABASE_URL}.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.database;

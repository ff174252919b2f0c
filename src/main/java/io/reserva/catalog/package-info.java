/**
 * The catalog: what an organization offers (services), what gets allocated (people, rooms, tables, equipment),
 * which resources each service needs, and when they are open; read by the slot engine as one cached snapshot.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.catalog;

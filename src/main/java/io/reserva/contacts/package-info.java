/**
 * Contacts: the guests of an organization, with their visit history, and the minimal CRM records (companies
 * and deals) a reservation may point at.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.contacts;

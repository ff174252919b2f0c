/** HTTP endpoints of the catalog: services, resources, their links, weekly hours and exceptions. */
package io.reserva.catalog.web;

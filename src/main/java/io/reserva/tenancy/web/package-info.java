/** HTTP face of tenancy: authentication, access checks and the organization and API key endpoints. */
package io.reserva.tenancy.web;

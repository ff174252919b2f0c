/** HTTP of the console: the day endpoint and the HTML shells of the console's pages. */
package io.reserva.console.web;

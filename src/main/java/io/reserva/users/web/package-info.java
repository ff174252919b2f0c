/** HTTP face of staff accounts: /users, /sessions, /password-resets, the session cookie and its CSRF check. */
package io.reserva.users.web;

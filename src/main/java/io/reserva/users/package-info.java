/**
 * Staff accounts: users with a role in each organization they belong to, their passwords, the sessions a
 * browser signs in with, and one-time links to set a password.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.users;

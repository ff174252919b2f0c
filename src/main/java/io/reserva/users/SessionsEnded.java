package io.reserva.users;

/** How many sessions an admin's revoke ended. */
public record SessionsEnded(int ended) {}

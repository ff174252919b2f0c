package io.reserva.users;

import java.util.UUID;

/** The installation-wide part of a user: their email and password hash. Never leaves this module. */
record UserAccount(UUID id, String email, String passwordHash) {}

package io.reserva.database;

/**
 * Which database this node runs on, for the modules whose defaults depend on it (demo data is on by default
 * only with the embedded server).
 */
public record DatabaseInfo(boolean embedded, String description) {}

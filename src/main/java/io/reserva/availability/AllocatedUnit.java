package io.reserva.availability;

import java.util.UUID;

/** One unit of one resource taken by a booking, and the link mode it was taken for. */
public record AllocatedUnit(UUID resourceId, int unitIndex, AssignmentMode mode) {}

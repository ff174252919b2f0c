package io.reserva.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event about to be written: {@code data} is the object's JSON as the API shows it, stored once under
 * {@code dataId} for all the events of a transaction that announce the same object.
 */
record NewEvent(
        UUID id,
        UUID organizationId,
        String type,
        UUID dataId,
        String data,
        List<String> changedFields,
        Instant createdAt) {}

package io.reserva.availability;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Tables pushed together for one party (docs/scheduling-rules.md §6): it seats parties from {@code minPartySize}
 * to {@code maxPartySize}, whatever the sizes of its tables, and a party placed on it takes a unit of each table.
 */
public record Combination(UUID id, String name, List<UUID> resourceIds, int minPartySize, int maxPartySize) {

    public Combination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        resourceIds = List.copyOf(resourceIds);
        if (resourceIds.isEmpty()) {
            throw new IllegalArgumentException("a combination joins at least one table");
        }
        if (minPartySize < 1 || maxPartySize < minPartySize) {
            throw new IllegalArgumentException("party sizes must satisfy 1 <= min <= max");
        }
    }

    public boolean seats(int partySize) {
        return minPartySize <= partySize && partySize <= maxPartySize;
    }
}

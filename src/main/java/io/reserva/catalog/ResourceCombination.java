package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tables that can be pushed together for one larger party. A party booked on a combination holds every one of
 * its tables; the engine picks a combination only when no single table seats the party.
 */
public record ResourceCombination(
        @Schema(example = "0192f3c4-4444-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Tables 4 + 5") String name,

        @Schema(
                description =
                        "The tables joined (resources of type table of the same organization), in the order" + " given",
                example = "[\"0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b\", \"0192f3c4-2223-7f80-9a1b-2c3d4e5f6a7b\"]")
        List<UUID> resourceIds,

        @Schema(description = "Smallest party seated on the joined tables", example = "5")
        int minPartySize,

        @Schema(description = "Largest party seated on the joined tables", example = "8")
        int maxPartySize,

        Instant createdAt,
        Instant updatedAt) {

    public ResourceCombination {
        resourceIds = List.copyOf(resourceIds);
    }

    public boolean seats(int partySize) {
        return minPartySize <= partySize && partySize <= maxPartySize;
    }
}

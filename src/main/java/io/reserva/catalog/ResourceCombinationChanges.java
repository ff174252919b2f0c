package io.reserva.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

/** What a PATCH of a table combination may change; fields left out are kept. */
public record ResourceCombinationChanges(
        @Schema(example = "Terrace 1 + 2") String name,

        @Schema(
                description = "Replaces the whole list of tables",
                example = "[\"0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b\", \"0192f3c4-2223-7f80-9a1b-2c3d4e5f6a7b\"]")
        List<UUID> resourceIds,

        @Schema(example = "5") Integer minPartySize,
        @Schema(example = "8") Integer maxPartySize) {}

package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A guest of an organization: who they are, how to reach them, and what their visits came to. */
public record Contact(
        @Schema(example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Ana") String firstName,
        @Schema(example = "García") String lastName,

        @Schema(description = "Lower-cased; unique in the organization", example = "ana.garcia@example.com")
        String email,

        @Schema(description = "E.164; unique in the organization", example = "+34612345678")
        String phone,

        @Schema(example = "Prefers the terrace") String notes,
        @Schema(example = "[\"vip\", \"regular\"]") List<String> tags,
        @Schema(example = "true") boolean marketingOptIn,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID companyId,

        @Schema(
                description = "Values of the organization's contact custom fields, by key",
                example = "{\"birthday\": \"1990-04-12\", \"allergies\": [\"nuts\"]}")
        Map<String, Object> customFieldsByKey,

        @Schema(description = "Completed reservations; read-only", example = "7")
        int visitCount,

        @Schema(description = "Read-only", example = "1") int noShowCount,
        @Schema(description = "Read-only", example = "2") int cancellationCount,

        @Schema(description = "Start of the latest completed reservation; read-only", example = "2027-03-28T18:30:00Z")
        Instant lastVisitAt,

        @Schema(example = "2027-01-15T10:00:00Z") Instant createdAt,
        @Schema(example = "2027-03-28T21:05:00Z") Instant updatedAt) {

    public Contact {
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFieldsByKey = customFieldsByKey == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customFieldsByKey));
    }
}

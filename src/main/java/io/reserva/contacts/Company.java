package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A business a contact works for or a reservation is made for. */
public record Company(
        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Acme Events S.L.") String name,

        @Schema(description = "Lower-cased host name", example = "acme-events.es")
        String domain,

        @Schema(description = "E.164", example = "+34911234567")
        String phone,

        @Schema(example = "Books the private room every quarter")
        String notes,

        @Schema(example = "2027-01-15T10:00:00Z") Instant createdAt,
        @Schema(example = "2027-01-15T10:00:00Z") Instant updatedAt) {}

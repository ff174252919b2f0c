package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A sales opportunity, such as a group dinner or an event, that reservations may belong to. */
public record Deal(
        @Schema(example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "Acme summer party") String name,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID companyId,

        @Schema(example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID contactId,

        @Schema(description = "At least 0, two decimals", example = "2400.00")
        BigDecimal amount,

        @Schema(description = "ISO 4217", example = "EUR") String currency,

        @Schema(description = "Free text, e.g. open, won, lost", example = "open")
        String stage,

        @Schema(example = "2027-01-15T10:00:00Z") Instant createdAt,
        @Schema(example = "2027-01-15T10:00:00Z") Instant updatedAt) {}

package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/** The fields a PATCH of a deal may change; fields left out keep their value, null clears. */
public record DealChanges(
        @Schema(example = "Acme summer party") String name,
        UUID companyId,
        UUID contactId,
        @Schema(example = "2650.00") BigDecimal amount,
        @Schema(example = "EUR") String currency,
        @Schema(example = "won") String stage) {}

package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.UUID;

/** What a client sends to create a deal. */
public record NewDeal(
        @Schema(description = "Left out: the API key's own organization")
        UUID organizationId,

        @Schema(description = "1 to 200 characters", example = "Acme summer party")
        String name,

        @Schema(description = "A company of the same organization")
        UUID companyId,

        @Schema(description = "A contact of the same organization")
        UUID contactId,

        @Schema(description = "At least 0, at most two decimals", example = "2400.00")
        BigDecimal amount,

        @Schema(description = "ISO 4217; default the organization's currency", example = "EUR")
        String currency,

        @Schema(description = "Free text of at most 50 characters; default open", example = "open")
        String stage) {}

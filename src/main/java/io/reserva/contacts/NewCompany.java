package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** What a client sends to create a company. */
public record NewCompany(
        @Schema(description = "Left out: the API key's own organization")
        UUID organizationId,

        @Schema(description = "1 to 200 characters", example = "Acme Events S.L.")
        String name,

        @Schema(description = "A host name, without https://", example = "acme-events.es")
        String domain,

        @Schema(description = "Read with the organization's country when it has no + prefix", example = "911 23 45 67")
        String phone,

        @Schema(description = "At most 5000 characters", example = "Books the private room every quarter")
        String notes) {}

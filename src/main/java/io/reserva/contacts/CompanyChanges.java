package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;

/** The fields a PATCH of a company may change; fields left out keep their value, null clears. */
public record CompanyChanges(
        @Schema(example = "Acme Events S.L.") String name,
        @Schema(example = "acme-events.es") String domain,
        @Schema(example = "+34 911 23 45 67") String phone,

        @Schema(example = "Books the private room every quarter")
        String notes) {}

package io.reserva.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The fields a PATCH of an organization may change; fields left out keep their value. */
public record OrganizationChanges(
        @Size(min = 1, max = 200) @Schema(example = "Trattoria Sole")
        String name,

        @Size(max = 63) @Schema(example = "trattoria-sole") String slug,
        @Schema(example = "Europe/Madrid") String timezone,
        @Schema(example = "EUR") String currency,
        @Schema(example = "es-ES") String locale,
        @Schema(example = "ES") String country,
        @Size(max = 254) String email,
        String phone,
        @Size(max = 2000) String website,
        @Size(max = 1000) String address) {}

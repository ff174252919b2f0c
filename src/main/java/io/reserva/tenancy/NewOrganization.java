package io.reserva.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a platform admin sends to create an organization. */
public record NewOrganization(
        @NotBlank @Size(max = 200) @Schema(example = "Trattoria Sole")
        String name,

        @Size(max = 63)
        @Schema(
                description = "Lowercase letters, digits and dashes; derived from the name when left out",
                example = "trattoria-sole")
        String slug,

        @NotBlank @Schema(description = "IANA time zone", example = "Europe/Madrid")
        String timezone,

        @NotBlank @Schema(description = "ISO 4217 code", example = "EUR")
        String currency,

        @Schema(description = "BCP 47 tag; default en", example = "es-ES")
        String locale,

        @Schema(description = "ISO 3166-1 alpha-2", example = "ES")
        String country,

        @Size(max = 254) @Schema(example = "hola@trattoriasole.es")
        String email,

        @Schema(description = "Normalized to E.164 using country", example = "+34 911 23 45 67")
        String phone,

        @Size(max = 2000) @Schema(example = "https://trattoriasole.es")
        String website,

        @Size(max = 1000) @Schema(example = "Calle Mayor 1, 28013 Madrid")
        String address) {}

package io.reserva.tenancy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** A tenant: one venue or business, with the time zone its hours are in. */
public record Organization(
        @Schema(example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "Trattoria Sole") String name,
        @Schema(example = "trattoria-sole") String slug,

        @Schema(description = "IANA time zone of the venue", example = "Europe/Madrid")
        String timezone,

        @Schema(description = "ISO 4217", example = "EUR") String currency,

        @Schema(description = "BCP 47 language tag", example = "es-ES")
        String locale,

        @Schema(description = "ISO 3166-1 alpha-2; used to read local phone numbers", example = "ES")
        String country,

        @Schema(example = "hola@trattoriasole.es") String email,

        @Schema(description = "E.164", example = "+34911234567")
        String phone,

        @Schema(example = "https://trattoriasole.es") String website,
        @Schema(example = "Calle Mayor 1, 28013 Madrid") String address,
        Instant createdAt,
        Instant updatedAt) {}

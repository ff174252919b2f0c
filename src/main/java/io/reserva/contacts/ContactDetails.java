package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;

/** A guest given inline on a reservation: matched to a contact by email or phone, else created. */
public record ContactDetails(
        @Schema(example = "Ana") String firstName,
        @Schema(example = "García") String lastName,
        @Schema(example = "ana.garcia@example.com") String email,

        @Schema(description = "Read with the organization's country when it has no + prefix", example = "612 34 56 78")
        String phone) {}

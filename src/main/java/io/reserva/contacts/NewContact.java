package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a client sends to create a contact; it needs at least a first name, an email or a phone. */
public record NewContact(
        @Schema(description = "Left out: the API key's own organization")
        UUID organizationId,

        @Schema(description = "1 to 100 characters; required unless email or phone is given", example = "Ana")
        String firstName,

        @Schema(description = "At most 100 characters", example = "García")
        String lastName,

        @Schema(description = "Stored lower-cased; unique in the organization", example = "ana.garcia@example.com")
        String email,

        @Schema(
                description = "Any common format; a number without + is read with the organization's country."
                        + " Stored as E.164; unique in the organization",
                example = "612 34 56 78")
        String phone,

        @Schema(description = "At most 5000 characters", example = "Prefers the terrace")
        String notes,

        @Schema(
                description = "At most 50 distinct tags of at most 50 characters, stored lower-cased",
                example = "[\"vip\"]")
        List<String> tags,

        @Schema(description = "Default false", example = "true")
        Boolean marketingOptIn,

        @Schema(description = "A company of the same organization")
        UUID companyId,

        @Schema(
                description = "Values of the organization's contact custom fields, by key",
                example = "{\"birthday\": \"1990-04-12\"}")
        Map<String, Object> customFieldsByKey) {}

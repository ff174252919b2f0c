package io.reserva.contacts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fields a PATCH of a contact may change; fields left out keep their value, null clears. Custom fields
 * merge: keys left out keep their value, a key sent as null removes it.
 */
public record ContactChanges(
        @Schema(example = "Ana") String firstName,
        @Schema(example = "García López") String lastName,
        @Schema(example = "ana@example.org") String email,
        @Schema(example = "+34 612 34 56 78") String phone,

        @Schema(example = "Prefers the terrace; allergic to nuts")
        String notes,

        @Schema(description = "Replaces the tags; null or [] clears them", example = "[\"vip\", \"regular\"]")
        List<String> tags,

        @Schema(example = "false") Boolean marketingOptIn,
        UUID companyId,

        @Schema(example = "{\"birthday\": \"1990-04-12\", \"newsletter_topics\": null}")
        Map<String, Object> customFieldsByKey) {}

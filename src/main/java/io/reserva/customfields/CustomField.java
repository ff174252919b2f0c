package io.reserva.customfields;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The definition of one custom field of an organization's reservations or contacts. */
public record CustomField(
        @Schema(example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(example = "reservation") EntityType entityType,

        @Schema(
                description = "The name of the value in custom_fields_by_key; fixed once created",
                example = "dietary_requirements")
        String key,

        @Schema(example = "Dietary requirements") String label,
        @Schema(example = "multiselect") CustomFieldType fieldType,

        @Schema(
                description = "The choices of a select or multiselect; null for other types",
                example = "[\"vegetarian\", \"vegan\", \"gluten-free\"]")
        List<String> options,

        @Schema(description = "A value must be given on create and cannot be removed", example = "false")
        boolean isRequired,

        @Schema(description = "Inactive fields keep their stored values but take no new ones", example = "true")
        boolean isActive,

        @Schema(description = "Display order, ascending", example = "1")
        int position,

        @Schema(example = "Allergies and diets the kitchen should know about")
        String description,

        @Schema(example = "2027-03-01T09:30:00Z") Instant createdAt,
        @Schema(example = "2027-03-01T09:30:00Z") Instant updatedAt) {

    public CustomField {
        options = options == null ? null : List.copyOf(options);
    }
}

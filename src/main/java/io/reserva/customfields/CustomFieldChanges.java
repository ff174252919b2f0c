package io.reserva.customfields;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The fields a PATCH of a custom field may change; fields left out keep their value. {@code entity_type} and
 * {@code key} are accepted only unchanged, so a client may send back what it read.
 */
public record CustomFieldChanges(
        @Schema(description = "Cannot be changed", example = "reservation")
        EntityType entityType,

        @Schema(description = "Cannot be changed", example = "dietary_requirements")
        String key,

        @Schema(example = "Dietary requirements") String label,
        @Schema(example = "multiselect") CustomFieldType fieldType,

        @Schema(example = "[\"vegetarian\", \"vegan\", \"gluten-free\", \"halal\"]")
        List<String> options,

        @Schema(example = "true") Boolean isRequired,
        @Schema(example = "true") Boolean isActive,
        @Schema(example = "2") Integer position,

        @Schema(example = "Allergies and diets the kitchen should know about")
        String description) {}

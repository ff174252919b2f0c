package io.reserva.customfields;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/** What an admin sends to define a custom field. */
public record NewCustomField(
        @Schema(description = "Left out: the API key's own organization")
        UUID organizationId,

        @NotNull @Schema(example = "reservation") EntityType entityType,

        @NotNull
        @Schema(
                description = "Lowercase letter, then lowercase letters, digits or _; at most 63; unique per"
                        + " organization and entity type; fixed once created",
                example = "dietary_requirements")
        String key,

        @NotNull @Schema(description = "1 to 200 characters", example = "Dietary requirements")
        String label,

        @NotNull @Schema(example = "multiselect") CustomFieldType fieldType,

        @Schema(
                description = "Distinct choices of 1 to 200 characters; required for select and multiselect,"
                        + " refused for other types",
                example = "[\"vegetarian\", \"vegan\", \"gluten-free\"]")
        List<String> options,

        @Schema(description = "Default false", example = "false")
        Boolean isRequired,

        @Schema(description = "Default true", example = "true")
        Boolean isActive,

        @Schema(description = "Default: after the last field of the same entity type", example = "1")
        Integer position,

        @Schema(description = "At most 1000 characters", example = "Allergies and diets the kitchen should know about")
        String description) {}

package io.reserva.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** A guest's request to receive no email, or no SMS. */
public record NewOptOut(
        @Schema(description = "Only for platform keys", example = "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(
                description = "The contact who asked",
                example = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b",
                requiredMode = Schema.RequiredMode.REQUIRED)
        UUID contactId,

        @Schema(
                description = "email (default) or sms",
                allowableValues = {"email", "sms"},
                example = "email")
        String channel) {}

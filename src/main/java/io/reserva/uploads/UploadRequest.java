package io.reserva.uploads;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** What a client asks to upload. */
public record UploadRequest(
        @Schema(description = "Left out: the API key's own organization")
        UUID organizationId,

        @Schema(
                description = "reservation-service-image, booking-link-logo or booking-link-cover",
                example = "booking-link-logo")
        UploadType type,

        @Schema(description = "The file's name on the client; only its extension is checked", example = "logo.png")
        String fileName,

        @Schema(description = "image/png, image/jpeg or image/webp", example = "image/png")
        String contentType,

        @Schema(
                description = "Optional size in bytes (at most 5 MB); with the s3 backend it is signed, so S3 refuses"
                        + " any other size",
                example = "48213")
        Long fileSize) {}

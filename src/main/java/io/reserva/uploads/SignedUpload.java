package io.reserva.uploads;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** Where and how to PUT the file, and where it can be read once there. */
public record SignedUpload(
        @Schema(
                description = "PUT the file's bytes here, with exactly the headers given",
                example = "https://book.example.com/uploads/0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b/booking-link-logo/"
                        + "0192f3c5-1111-7f80-9a1b-2c3d4e5f6a7b.png?content_type=image%2Fpng&expires=1806054000&"
                        + "signature=Zk3...")
        String signedUrl,

        @Schema(example = "PUT") String method,

        @Schema(example = "{\"Content-Type\": \"image/png\"}")
        Map<String, String> headers,

        @Schema(
                description = "Where the file is read once uploaded: store it as the service's image_url or the"
                        + " link's page_config.logo_url / cover_url",
                example = "https://book.example.com/uploads/0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b/booking-link-logo/"
                        + "0192f3c5-1111-7f80-9a1b-2c3d4e5f6a7b.png")
        String publicUrl,

        @Schema(example = "2027-03-28T18:45:00Z") Instant expiresAt) {}

package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The whole setting, replaced at once by {@code PUT /google-integration}. */
public record GoogleIntegrationSettings(
        @Schema(description = "Unique across the installation; 1 to 200 visible characters", example = "merchant-1234")
        String merchantId,

        @Schema(description = "Default false", example = "true")
        Boolean enabled,

        @Schema(description = "Each Google service id at most once; at most 200")
        List<GoogleIntegration.ServiceMapping> serviceMappings,

        @Schema(
                description = "At most this many pending or confirmed future bookings per Google user at this"
                        + " merchant (1 to 1000); more are refused with USER_OVER_BOOKING_LIMIT. Absent: no limit",
                example = "3")
        Integer maxFutureBookingsPerUser) {}

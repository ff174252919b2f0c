package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How one organization appears on Google: its merchant id, whether Google may book, and its services there. */
@Schema(name = "GoogleIntegration")
public record GoogleIntegration(
        UUID organizationId,

        @Schema(
                description = "The merchant id Google sends in every call for this organization",
                example = "merchant-1234")
        String merchantId,

        @Schema(description = "Whether Google may look up availability and book; off answers 404 for the merchant")
        boolean enabled,

        List<ServiceMapping> serviceMappings,

        @Schema(
                description = "Pending or confirmed future bookings one Google user may hold here; null: no limit",
                example = "3")
        Integer maxFutureBookingsPerUser,

        Instant createdAt,
        Instant updatedAt) {

    /** One Google service id and the service it books. */
    public record ServiceMapping(
            @Schema(description = "The service id Google sends (from the services feed)", example = "dinner")
            String googleServiceId,

            @Schema(description = "One of the organization's reservation services")
            UUID serviceId) {}
}

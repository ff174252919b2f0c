package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.LocalTime;
import java.util.UUID;

/** What a client sends to add one weekly window. */
public record NewAvailabilityWindow(
        @Schema(description = "May be left out with an organization's key")
        UUID organizationId,

        @Schema(
                description = "The resource; null or left out for an area's or the organization's business hours",
                example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(
                description = "The area (terrace, bar) whose hours these are; left out for a resource's or the"
                        + " organization's. Not together with resource_id",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        @Schema(requiredMode = RequiredMode.REQUIRED, description = "0 = Sunday ... 6 = Saturday", example = "5")
        Integer dayOfWeek,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(requiredMode = RequiredMode.REQUIRED, type = "string", pattern = "^\\d{2}:\\d{2}$", example = "19:30")
        LocalTime startTime,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                type = "string",
                pattern = "^\\d{2}:\\d{2}$",
                description = "At or before start_time: runs past midnight",
                example = "02:00")
        LocalTime endTime) {}

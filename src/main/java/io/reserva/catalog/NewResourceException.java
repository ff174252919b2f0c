package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** What a client sends to close a date or give it special hours. */
public record NewResourceException(
        @Schema(description = "May be left out with an organization's key")
        UUID organizationId,

        @Schema(
                description = "The resource; null or left out for an area or the whole organization",
                example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(
                description = "The area (terrace, bar) this date concerns; left out for a resource or the whole"
                        + " organization. Not together with resource_id",
                example = "0192f3c4-6666-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        @Schema(requiredMode = RequiredMode.REQUIRED, description = "YYYY-MM-DD", example = "2027-12-24")
        LocalDate date,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "special_hours")
        ExceptionType exceptionType,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", description = "special_hours only", example = "10:00")
        LocalTime startTime,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", description = "special_hours only", example = "14:00")
        LocalTime endTime,

        @Schema(description = "At most 500 characters", example = "Christmas Eve: lunch only")
        String reason,

        @Schema(description = "Default false", example = "false")
        Boolean isRecurringYearly) {}

package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** A date that differs from the week: closed ({@code blocked}) or open only at {@code special_hours}. */
public record ResourceException(
        @Schema(example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID id,

        @Schema(example = "0192f3c4-1111-7f80-9a1b-2c3d4e5f6a7b")
        UUID organizationId,

        @Schema(
                description = "The resource; null for an area or the whole organization",
                example = "0192f3c4-2222-7f80-9a1b-2c3d4e5f6a7b")
        UUID resourceId,

        @Schema(
                description =
                        "The area (terrace, bar) this date concerns; null for a resource or the whole organization",
                example = "0192f3c4-6666-7f80-9a1b-2c3d4e5f6a7b")
        UUID areaId,

        @Schema(description = "Local date, YYYY-MM-DD", example = "2027-12-25")
        LocalDate date,

        @Schema(example = "special_hours") ExceptionType exceptionType,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", description = "special_hours only", example = "10:00")
        LocalTime startTime,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(
                type = "string",
                pattern = "^\\d{2}:\\d{2}$",
                description = "special_hours only; at or before start_time: past midnight",
                example = "14:00")
        LocalTime endTime,

        @Schema(example = "Christmas") String reason,

        @Schema(description = "Repeats on the same month and day every year", example = "true")
        boolean isRecurringYearly,

        Instant createdAt,
        Instant updatedAt) {}

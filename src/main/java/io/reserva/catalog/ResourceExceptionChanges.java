package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a PATCH of an exception may change; it stays with its resource (or the organization). Changing the type
 * to {@code blocked} without sending the times clears them.
 */
public record ResourceExceptionChanges(
        @Schema(example = "2027-12-24") LocalDate date,
        @Schema(example = "blocked") ExceptionType exceptionType,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "10:00")
        LocalTime startTime,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "14:00")
        LocalTime endTime,

        @Schema(example = "Staff training") String reason,
        @Schema(example = "false") Boolean isRecurringYearly) {}

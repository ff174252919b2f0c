package io.reserva.catalog;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalTime;

/** What a PATCH of a weekly window may change; it stays with its resource (or the business hours). */
public record AvailabilityWindowChanges(
        @Schema(example = "5") Integer dayOfWeek,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "19:30")
        LocalTime startTime,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(type = "string", pattern = "^\\d{2}:\\d{2}$", example = "02:00")
        LocalTime endTime) {}

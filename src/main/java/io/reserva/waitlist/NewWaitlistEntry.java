package io.reserva.waitlist;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.OptBoolean;
import io.reserva.reservations.NewReservation.InlineContact;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** What a client sends to put a party on the waitlist. */
@Schema(name = "NewWaitlistEntry", example = """
                {"service_id": "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b", "kind": "later", "party_size": 4,
                 "date": "2027-03-28", "window_start": "19:30", "window_end": "21:30", "source": "phone",
                 "contact": {"first_name": "Ana", "phone": "+34 612 345 678"}, "tags": ["terrace"]}""")
public record NewWaitlistEntry(
        @Schema(description = "Omit when the API key belongs to one organization")
        UUID organizationId,

        @Schema(
                description =
                        "Required for later entries; for now entries it gives the quote its tables and turn times")
        UUID serviceId,

        @Schema(description = "An existing contact; or send contact instead")
        UUID contactId,

        @Valid @Schema(description = "A guest matched by email, then phone, else created")
        InlineContact contact,

        @NotNull @Min(1) @Max(1000) @Schema(requiredMode = RequiredMode.REQUIRED, example = "4")
        Integer partySize,

        @NotNull @Schema(requiredMode = RequiredMode.REQUIRED, example = "later")
        WaitlistKind kind,

        @Schema(description = "Later entries: the local date wanted (the venue's time zone)", example = "2027-03-28")
        LocalDate date,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(
                type = "string",
                pattern = "^\\d{2}:\\d{2}$",
                description = "Later entries: the earliest start wanted",
                example = "19:30")
        LocalTime windowStart,

        @JsonFormat(pattern = "HH:mm", lenient = OptBoolean.FALSE)
        @Schema(
                type = "string",
                pattern = "^\\d{2}:\\d{2}$",
                description = "Later entries: the latest start wanted, after window_start",
                example = "21:30")
        LocalTime windowEnd,

        @Size(max = 5000) @Schema(example = "High chair, please")
        String notes,

        @Size(max = 20) List<@NotNull @Size(min = 1, max = 50) String> tags,

        @Schema(
                description = "How the guest joined, default api; anything but walk_in is a remote join and needs the"
                        + " guest's phone",
                example = "phone")
        WaitlistEntrySource source) {}

package io.reserva.reservations;

import io.reserva.shared.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A PATCH of a reservation: reschedule (start, service, party size, resources), move through the statuses,
 * change notes, references and custom fields. Fields left out are kept.
 */
public record ReservationChanges(
        @Schema(example = "2027-03-28T19:00:00Z") Instant startDatetime,
        UUID serviceId,
        @Min(1) @Max(1000) Integer partySize,
        UUID preferredResourceId,

        @Schema(
                description = "The area (terrace, bar) the guest asks for; sending it places the party again with"
                        + " it (null: no preference)",
                example = "0192f3c4-5555-7f80-9a1b-2c3d4e5f6a7b")
        UUID seatingPreference,

        @Schema(description = "With override only: move to exactly these resources")
        List<UUID> assignedResources,

        @Schema(example = "confirmed") ReservationStatus status,
        @Schema(example = "organization") CancelledBy cancelledBy,
        @Size(max = 1000) String cancellationReason,
        @Size(max = 5000) String customerNotes,
        @Size(max = 5000) String internalNotes,
        UUID contactId,
        UUID dealId,
        UUID companyId,
        Map<String, Object> customFieldsByKey,
        Boolean override) {

    /**
     * A change built in code rather than bound from a request: each field set is sent (and may clear it with
     * null), every other field is kept, as with a PATCH that leaves it out.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@code Patch<ReservationChanges>} whose sent fields are exactly those set. */
    public static final class Builder {

        private final Set<String> sent = new LinkedHashSet<>();
        private Instant startDatetime;
        private UUID serviceId;
        private Integer partySize;
        private UUID preferredResourceId;
        private UUID seatingPreference;
        private List<UUID> assignedResources;
        private ReservationStatus status;
        private CancelledBy cancelledBy;
        private String cancellationReason;
        private String customerNotes;
        private String internalNotes;
        private UUID contactId;
        private UUID dealId;
        private UUID companyId;
        private Map<String, Object> customFieldsByKey;
        private Boolean override;

        private Builder() {}

        public Builder startDatetime(Instant value) {
            startDatetime = value;
            sent.add("start_datetime");
            return this;
        }

        public Builder serviceId(UUID value) {
            serviceId = value;
            sent.add("service_id");
            return this;
        }

        public Builder partySize(Integer value) {
            partySize = value;
            sent.add("party_size");
            return this;
        }

        public Builder preferredResourceId(UUID value) {
            preferredResourceId = value;
            sent.add("preferred_resource_id");
            return this;
        }

        public Builder assignedResources(List<UUID> value) {
            assignedResources = value;
            sent.add("assigned_resources");
            return this;
        }

        public Builder status(ReservationStatus value) {
            status = value;
            sent.add("status");
            return this;
        }

        public Builder cancelledBy(CancelledBy value) {
            cancelledBy = value;
            sent.add("cancelled_by");
            return this;
        }

        public Builder cancellationReason(String value) {
            cancellationReason = value;
            sent.add("cancellation_reason");
            return this;
        }

        public Builder customerNotes(String value) {
            customerNotes = value;
            sent.add("customer_notes");
            return this;
        }

        public Builder internalNotes(String value) {
            internalNotes = value;
            sent.add("internal_notes");
            return this;
        }

        public Builder contactId(UUID value) {
            contactId = value;
            sent.add("contact_id");
            return this;
        }

        public Builder dealId(UUID value) {
            dealId = value;
            sent.add("deal_id");
            return this;
        }

        public Builder seatingPreference(UUID value) {
            seatingPreference = value;
            sent.add("seating_preference");
            return this;
        }

        public Builder companyId(UUID value) {
            companyId = value;
            sent.add("company_id");
            return this;
        }

        public Builder customFieldsByKey(Map<String, Object> value) {
            customFieldsByKey = value;
            sent.add("custom_fields_by_key");
            return this;
        }

        public Builder override(Boolean value) {
            override = value;
            sent.add("override");
            return this;
        }

        public Patch<ReservationChanges> build() {
            return new Patch<>(
                    new ReservationChanges(
                            startDatetime,
                            serviceId,
                            partySize,
                            preferredResourceId,
                            seatingPreference,
                            assignedResources,
                            status,
                            cancelledBy,
                            cancellationReason,
                            customerNotes,
                            internalNotes,
                            contactId,
                            dealId,
                            companyId,
                            customFieldsByKey,
                            override),
                    sent);
        }
    }
}

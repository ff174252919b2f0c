package io.reserva.assistants;

import io.reserva.catalog.ServiceManagement;
import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationChanges;
import io.reserva.reservations.ReservationManagement;
import io.reserva.waitlist.NewWaitlistEntry;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the six tools are, as clients see them: title, description and the argument schema of each, read from
 * the REST API's own request types and query definitions, and which of them an assistant may call. Plain Java,
 * built once.
 */
@Component
class ToolCatalogue {

    /** Fields of the REST request types a tool never takes: the organization is the assistant's, and staff-only. */
    static final Set<String> NOT_FOR_TOOLS = Set.of("organization_id", "source", "override", "assigned_resources");

    static final String IDEMPOTENCY_KEY = "idempotency_key";

    private final Map<AssistantTool, ToolDefinition> definitions = new EnumMap<>(AssistantTool.class);

    ToolCatalogue() {
        define();
    }

    /** Every tool, in the canonical order. */
    List<ToolDefinition> definitions() {
        return List.copyOf(definitions.values());
    }

    ToolDefinition definition(AssistantTool tool) {
        return definitions.get(tool);
    }

    /** The tools this assistant may call now, in their canonical order: none when it is inactive. */
    List<ToolDefinition> enabledFor(AiAssistant assistant) {
        return definitions.values().stream()
                .filter(definition -> assistant.mayCall(definition.tool()))
                .toList();
    }

    /** The argument names a tool's schema has: any other argument is refused by name. */
    Set<String> argumentNames(AssistantTool tool) {
        return properties(definitions.get(tool).inputSchema()).keySet();
    }

    private void define() {
        Map<String, Map<String, Object>> reservationExtras = new LinkedHashMap<>();
        reservationExtras.put(
                "resource", ToolSchemas.uuid("Only reservations holding this resource (a table, a person, a room)"));
        add(
                AssistantTool.FIND_RESERVATIONS,
                "Find reservations",
                "Lists and searches reservations (GET /reservations) in the query language of the REST API:"
                        + " filter fields by value or with operators ($in, $nin, $gt, $gte, $lt, $lte, $ne), for"
                        + " example {\"status\": \"confirmed\", \"start_datetime\": {\"$gte\":"
                        + " \"2027-03-28T00:00:00Z\"}}; searchTerm looks in the confirmation code. Reservations"
                        + " show the place they take and their state, never who booked them: ask the guest for"
                        + " their confirmation code. Answers {total, limit, skip, data}.",
                ToolSchemas.forQuery(ReservationManagement.ASSISTANT_QUERY, reservationExtras));
        Map<String, Object> create = ToolSchemas.forRecord(NewReservation.class, NOT_FOR_TOOLS, false, Set.of());
        properties(create)
                .put(
                        IDEMPOTENCY_KEY,
                        ToolSchemas.describe(
                                Map.of("type", "string", "minLength", 1, "maxLength", 255),
                                "Optional: send the same key when retrying, and the first booking is answered"
                                        + " again instead of a second one being made"));
        add(
                AssistantTool.CREATE_RESERVATION,
                "Create a reservation",
                "Books (or holds, with status held) a start returned by get_available_slots (POST /reservations)."
                        + " Give the guest as contact (first_name, last_name, email and/or phone, as the guest"
                        + " says them); the booking keeps them as given."
                        + " The booking is recorded with source ai_assistant. A taken time fails with"
                        + " slot_unavailable and lists the nearest free starts.",
                create);
        Map<String, Object> update = ToolSchemas.forRecord(
                ReservationChanges.class,
                NOT_FOR_TOOLS,
                true,
                Set.of("start_datetime", "service_id", "party_size", "status"));
        Map<String, Object> withId = new LinkedHashMap<>();
        withId.put("id", ToolSchemas.uuid("The reservation to change"));
        withId.putAll(properties(update));
        update.put("properties", withId);
        update.put("required", List.of("id"));
        add(
                AssistantTool.UPDATE_RESERVATION,
                "Update a reservation",
                "Changes a reservation (PATCH /reservations/{id}): reschedule (start_datetime, party_size,"
                        + " service_id), confirm, cancel (status cancelled with cancelled_by and"
                        + " cancellation_reason), or change notes. Only the fields sent change; null clears an"
                        + " optional field. The new time is secured before the old one is released.",
                update);
        add(
                AssistantTool.GET_RESERVATION_SERVICES,
                "List reservation services",
                "Lists the bookable services (GET /reservation-services): name, duration, party sizes, price."
                        + " Filter with {\"is_active\": true}; the query language is that of the REST API."
                        + " Answers {total, limit, skip, data}.",
                ToolSchemas.forQuery(ServiceManagement.QUERY, Map.of()));
        add(
                AssistantTool.GET_AVAILABLE_SLOTS,
                "Find available slots",
                "Bookable start times of a service for a party (GET /reservation-available-slots), for one local"
                        + " date or a range of up to 62 days. Start and end times are UTC; local_time is in the"
                        + " service's time zone. A day with no slots says why (closed, fully_booked, ...). Every"
                        + " start listed can be booked with create_reservation.",
                ToolSchemas.forRecord(SlotArguments.class, Set.of(), false, Set.of()));
        add(
                AssistantTool.JOIN_WAITLIST,
                "Join the waitlist",
                "Puts a party on the waitlist (POST /waitlist-entries): kind now (the queue at the door today) or"
                        + " later (a date with a window of starts, window_start and window_end as HH:mm; service_id"
                        + " required). Give the guest as contact with a phone number (matched by email, then"
                        + " phone, else created) or contact_id. Recorded with source ai_assistant. A full list is"
                        + " waitlist_full, a phone already waiting already_on_waitlist, a closed day day_closed."
                        + " Answers the entry with its position and, for now entries, the quoted wait.",
                ToolSchemas.forRecord(NewWaitlistEntry.class, NOT_FOR_TOOLS, false, Set.of()));
    }

    private void add(AssistantTool tool, String title, String description, Map<String, Object> schema) {
        Map<String, Object> inputSchema = new LinkedHashMap<>();
        inputSchema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        inputSchema.putAll(schema);
        definitions.put(tool, new ToolDefinition(tool, title, description, inputSchema));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }
}

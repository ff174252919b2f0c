package io.reserva.assistants;

import io.reserva.api.RequestBodyErrors;
import io.reserva.availability.SlotFinder;
import io.reserva.availability.SlotSearch;
import io.reserva.catalog.ServiceManagement;
import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationChanges;
import io.reserva.reservations.ReservationManagement;
import io.reserva.reservations.ReservationSource;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The five reservation tools: their descriptions and argument schemas, and calling them. A call binds its
 * arguments to the REST API's own request types and goes through the same facades ({@link ReservationManagement},
 * {@link SlotFinder}, {@link ServiceManagement}), so validation, tenancy, idempotency and events are the API's.
 * Tools act with the assistant's rights in the assistant's organization: bookings are made with source
 * {@code ai_assistant}, never with {@code override}. Every call is written to the audit trail.
 */
@Service
public class AssistantTools {

    private static final Logger log = LoggerFactory.getLogger(AssistantTools.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    /** Fields of the REST request types a tool never takes: the organization is the assistant's, and staff-only. */
    private static final Set<String> NOT_FOR_TOOLS =
            Set.of("organization_id", "source", "override", "assigned_resources");

    private static final String IDEMPOTENCY_KEY = "idempotency_key";

    /** One tool as clients see it: name, what it does, and the JSON Schema of its arguments. */
    public record Definition(AssistantTool tool, String title, String description, Map<String, Object> inputSchema) {}

    private final Map<AssistantTool, Definition> definitions = new LinkedHashMap<>();
    private final ReservationManagement reservations;
    private final ServiceManagement services;
    private final SlotFinder slots;
    private final ToolCallRepository calls;
    private final ToolIdempotency idempotency;
    private final JsonMapper json;
    private final Validator validator;
    private final Clock clock;

    AssistantTools(
            ReservationManagement reservations,
            ServiceManagement services,
            SlotFinder slots,
            ToolCallRepository calls,
            ToolIdempotency idempotency,
            JsonMapper json,
            Validator validator,
            Clock clock) {
        this.reservations = reservations;
        this.services = services;
        this.slots = slots;
        this.calls = calls;
        this.idempotency = idempotency;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
        define();
    }

    public List<Definition> definitions() {
        return List.copyOf(definitions.values());
    }

    public Definition definition(AssistantTool tool) {
        return definitions.get(tool);
    }

    /** The tools this assistant may call now, in their canonical order: none when it is inactive. */
    public List<Definition> enabledFor(AiAssistant assistant) {
        return definitions.values().stream()
                .filter(definition -> assistant.mayCall(definition.tool()))
                .toList();
    }

    /** A result as JSON text, for clients that read only a tool's text content. */
    public String text(Map<String, Object> result) {
        return json.writeValueAsString(result);
    }

    /** An error outcome as a plain JSON object (codes, fields, extensions such as the nearest free starts). */
    public Map<String, Object> errorBody(ToolOutcome outcome) {
        return asObject(outcome.errorBody());
    }

    /**
     * Calls a tool for an assistant and records the call. A tool the assistant may not call (unknown, disabled, or
     * the assistant inactive) is a {@code not_found} error, exactly like an unknown one. Never throws for bad
     * input or a refusal: the outcome carries the error.
     */
    public ToolOutcome call(AiAssistant assistant, String toolKey, Map<String, Object> arguments, String channel) {
        long started = System.nanoTime();
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        ToolOutcome outcome;
        AssistantTool tool = AssistantTool.fromKey(toolKey).orElse(null);
        if (tool == null || !assistant.mayCall(tool)) {
            outcome = new ToolOutcome(
                    toolKey,
                    null,
                    new ReservaException(
                            ErrorCode.NOT_FOUND,
                            "Unknown tool '" + toolKey + "': this assistant's tools are "
                                    + (assistant.isActive()
                                                    && !assistant.tools().isEmpty()
                                            ? String.join(", ", assistant.tools())
                                            : "none")));
        } else {
            outcome = run(assistant, tool, args);
        }
        record(assistant, toolKey, args, channel, outcome, started);
        return outcome;
    }

    private ToolOutcome run(AiAssistant assistant, AssistantTool tool, Map<String, Object> args) {
        // The assistant's own rights in its own organization, whoever invokes it (an admin trying it out too).
        Caller caller = new Caller(
                assistant.credential() == null ? null : assistant.credential().apiKeyId(),
                assistant.organizationId(),
                Role.ASSISTANT);
        try {
            checkArgumentNames(tool, args);
            if (tool == AssistantTool.CREATE_RESERVATION) {
                return create(caller, assistant, args);
            }
            Object result = switch (tool) {
                case FIND_RESERVATIONS ->
                    reservations.list(
                            caller,
                            ReservationManagement.QUERY.parse(queryParameters(args, "resource")),
                            resource(args));
                case GET_RESERVATION_SERVICES ->
                    services.list(caller, ServiceManagement.QUERY.parse(queryParameters(args, null)));
                case GET_AVAILABLE_SLOTS -> slots.find(caller, slotSearch(args));
                case UPDATE_RESERVATION -> update(caller, args);
                case CREATE_RESERVATION -> throw new IllegalStateException("handled above");
            };
            return new ToolOutcome(tool.key(), asObject(result), null);
        } catch (ReservaException e) {
            return new ToolOutcome(tool.key(), null, e);
        } catch (DataAccessException e) {
            log.error("Tool {} failed on the database", tool.key(), e);
            return new ToolOutcome(
                    tool.key(),
                    null,
                    new ReservaException(ErrorCode.SERVICE_UNAVAILABLE, "The database did not answer; try again"));
        } catch (RuntimeException e) {
            log.error("Tool {} failed", tool.key(), e);
            return new ToolOutcome(
                    tool.key(), null, new ReservaException(ErrorCode.INTERNAL_ERROR, "The tool failed unexpectedly"));
        }
    }

    private ToolOutcome create(Caller caller, AiAssistant assistant, Map<String, Object> args) {
        Map<String, Object> body = new LinkedHashMap<>(args);
        Object key = body.remove(IDEMPOTENCY_KEY);
        if (key != null && !(key instanceof String text && text.matches("[\\x21-\\x7e]{1,255}"))) {
            throw ReservaException.invalidField(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters");
        }
        NewReservation sent = bind(body, NewReservation.class);
        NewReservation request = new NewReservation(
                null,
                sent.serviceId(),
                sent.contactId(),
                sent.contact(),
                sent.partySize(),
                sent.startDatetime(),
                sent.status(),
                sent.holdMinutes(),
                ReservationSource.AI_ASSISTANT,
                sent.customerNotes(),
                sent.internalNotes(),
                sent.dealId(),
                sent.companyId(),
                sent.preferredResourceId(),
                null,
                sent.customFieldsByKey(),
                null);
        if (key == null) {
            return new ToolOutcome(
                    AssistantTool.CREATE_RESERVATION.key(), asObject(reservations.create(caller, request)), null);
        }
        String idempotencyKey = (String) key;
        byte[] hash =
                Secrets.sha256(json.writeValueAsString(new TreeMap<>(body)).getBytes(StandardCharsets.UTF_8));
        ToolIdempotency.Claim claim =
                idempotency.claim(assistant.organizationId(), assistant.id(), idempotencyKey, hash);
        if (claim instanceof ToolIdempotency.Claim.Replay replay) {
            return new ToolOutcome(AssistantTool.CREATE_RESERVATION.key(), replay.result(), null);
        }
        if (claim instanceof ToolIdempotency.Claim.Conflict) {
            throw new ReservaException(
                    ErrorCode.IDEMPOTENCY_CONFLICT,
                    "idempotency_key was already used with other arguments",
                    List.of(new FieldError(IDEMPOTENCY_KEY, "was already used with other arguments")));
        }
        if (claim instanceof ToolIdempotency.Claim.InProgress) {
            throw new ReservaException(
                    ErrorCode.IDEMPOTENCY_IN_PROGRESS, "A call with this idempotency_key is still running; retry");
        }
        try {
            Map<String, Object> created = asObject(reservations.create(caller, request));
            idempotency.complete(assistant.organizationId(), assistant.id(), idempotencyKey, created);
            return new ToolOutcome(AssistantTool.CREATE_RESERVATION.key(), created, null);
        } catch (RuntimeException e) {
            idempotency.release(assistant.organizationId(), assistant.id(), idempotencyKey);
            throw e;
        }
    }

    private Object update(Caller caller, Map<String, Object> args) {
        Map<String, Object> body = new LinkedHashMap<>(args);
        Object rawId = body.remove("id");
        UUID id;
        try {
            id = rawId instanceof String text ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            id = null;
        }
        if (id == null) {
            throw ReservaException.invalidField("id", rawId == null ? "is required" : "must be a UUID");
        }
        ReservationChanges changes = bind(body, ReservationChanges.class);
        return reservations.update(caller, id, new Patch<>(changes, new LinkedHashSet<>(body.keySet())));
    }

    private SlotSearch slotSearch(Map<String, Object> args) {
        SlotArguments sent = bind(args, SlotArguments.class);
        List<FieldError> errors = new ArrayList<>();
        boolean isRange = sent.startDate() != null || sent.endDate() != null;
        if (sent.date() != null && isRange) {
            errors.add(new FieldError("date", "give either date or start_date and end_date, not both"));
        } else if (sent.date() == null && !isRange) {
            errors.add(new FieldError("date", "is required (or start_date and end_date for a range)"));
        } else if (isRange && (sent.startDate() == null || sent.endDate() == null)) {
            errors.add(new FieldError(sent.startDate() == null ? "start_date" : "end_date", "is required for a range"));
        }
        ReservaException.throwIfAny(errors);
        return new SlotSearch(
                null,
                sent.serviceId(),
                isRange ? sent.startDate() : sent.date(),
                isRange ? sent.endDate() : sent.date(),
                sent.partySize() == null ? 1 : sent.partySize(),
                sent.resourceId(),
                !isRange);
    }

    /** Binds arguments to a REST request type exactly as a request body is bound, then Bean Validation. */
    private <T> T bind(Map<String, Object> args, Class<T> type) {
        T value;
        try {
            value = json.convertValue(args, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw RequestBodyErrors.translate(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            ReservaException.throwIfAny(violations.stream()
                    .map(v -> new FieldError(
                            RequestBodyErrors.snakeCase(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldError::field))
                    .toList());
        }
        return value;
    }

    /** Arguments the tool's schema does not have are refused by name, whatever the REST type would accept. */
    @SuppressWarnings("unchecked")
    private void checkArgumentNames(AssistantTool tool, Map<String, Object> args) {
        Map<String, Object> properties =
                (Map<String, Object>) definitions.get(tool).inputSchema().get("properties");
        List<FieldError> errors = args.keySet().stream()
                .filter(name -> !properties.containsKey(name))
                .map(name -> new FieldError(
                        name,
                        NOT_FOR_TOOLS.contains(name)
                                ? "is not available to assistants"
                                : "is not an argument of " + tool.key()))
                .toList();
        if (!errors.isEmpty()) {
            throw new ReservaException(
                    ErrorCode.VALIDATION_FAILED,
                    errors.stream()
                            .map(e -> e.field() + " " + e.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElseThrow(),
                    errors);
        }
    }

    /** A list tool's arguments as the query string the list endpoint parses, so the same rules apply. */
    private static Map<String, String[]> queryParameters(Map<String, Object> args, String skip) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> argument : args.entrySet()) {
            String name = argument.getKey();
            Object value = argument.getValue();
            if (name.equals(skip)) {
                continue;
            }
            if (name.equals("$sort")) {
                if (!(value instanceof Map<?, ?> keys)) {
                    errors.add(new FieldError(name, "must be an object such as {\"start_datetime\": 1}"));
                    continue;
                }
                keys.forEach(
                        (field, direction) -> parameters.put("$sort[" + field + "]", new String[] {text(direction)}));
            } else if (value instanceof Map<?, ?> operators) {
                if (operators.isEmpty()) {
                    errors.add(new FieldError(name, "needs at least one operator such as $gte"));
                }
                operators.forEach((operator, operand) -> {
                    String parameter = name + "[" + operator + "]";
                    if (operand instanceof List<?> values) {
                        parameters.put(
                                parameter,
                                values.stream().map(AssistantTools::text).toArray(String[]::new));
                    } else if (operand instanceof Map<?, ?>) {
                        errors.add(new FieldError(parameter, "must be a value or an array of values"));
                    } else {
                        parameters.put(parameter, new String[] {text(operand)});
                    }
                });
            } else if (value instanceof List<?>) {
                errors.add(new FieldError(name, "must be a value, or an object such as {\"$in\": [...]}"));
            } else {
                parameters.put(name, new String[] {text(value)});
            }
        }
        ReservaException.throwIfAny(errors);
        return parameters;
    }

    private static UUID resource(Map<String, Object> args) {
        Object value = args.get("resource");
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new ReservaException(
                    ErrorCode.INVALID_QUERY,
                    "resource must be a UUID",
                    List.of(new FieldError("resource", "must be a UUID")));
        }
    }

    private static String text(Object value) {
        return value == null ? "null" : String.valueOf(value);
    }

    private Map<String, Object> asObject(Object result) {
        return json.convertValue(result, OBJECT);
    }

    private void record(
            AiAssistant assistant,
            String toolKey,
            Map<String, Object> args,
            String channel,
            ToolOutcome outcome,
            long started) {
        int durationMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
        String tool = toolKey == null ? "" : toolKey.length() > 100 ? toolKey.substring(0, 100) : toolKey;
        try {
            calls.insert(new ToolCall(
                    Ids.newId(),
                    assistant.organizationId(),
                    assistant.id(),
                    tool,
                    channel,
                    args,
                    outcome.isError() ? "error" : "ok",
                    outcome.isError() ? outcome.error().code().code() : null,
                    outcome.isError() ? outcome.errorText() : null,
                    durationMs,
                    clock.instant().truncatedTo(ChronoUnit.MICROS)));
        } catch (RuntimeException e) {
            // The call has happened; a lost audit line must not turn its answer into a failure.
            log.error("Could not record the {} call of assistant {}", tool, assistant.id(), e);
        }
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
                        + " \"2027-03-28T00:00:00Z\"}}; searchTerm looks in the guest's name, email and phone and"
                        + " the confirmation code. Answers {total, limit, skip, data}.",
                ToolSchemas.forQuery(ReservationManagement.QUERY, reservationExtras));
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
                        + " Give the guest as contact (matched by email, then phone, else created) or contact_id."
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
    }

    private void add(AssistantTool tool, String title, String description, Map<String, Object> schema) {
        Map<String, Object> inputSchema = new LinkedHashMap<>();
        inputSchema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        inputSchema.putAll(schema);
        definitions.put(tool, new Definition(tool, title, description, inputSchema));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }
}

package io.reserva.assistants;

import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.ApiKeyManagement;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.IssuedApiKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, listing and changing assistants, and issuing, rotating and revoking their credentials. Assistants are
 * settings of an organization (what an AI may do in its name), so admin keys manage them, as they manage API
 * keys; staff and read-only keys neither see nor change them.
 */
@Service
public class AiAssistantManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("ai-assistants")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .field("is_active", "is_active", FieldType.BOOLEAN)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("name", "instructions")
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    public static final QueryDefinition TOOL_CALL_QUERY = QueryDefinition.forResource("ai-assistant-tool-calls")
            .field("id", "id", FieldType.UUID)
            .enumField(
                    "tool",
                    "tool",
                    Arrays.stream(AssistantTool.values())
                            .map(AssistantTool::key)
                            .collect(Collectors.toSet()))
            .enumField("channel", "channel", java.util.Set.of("mcp", "rest"))
            .enumField("outcome", "outcome", java.util.Set.of("ok", "error"))
            .nullableField("error_code", "error_code", FieldType.STRING)
            .field("duration_ms", "duration_ms", FieldType.INTEGER)
            .field("created_at", "created_at", FieldType.INSTANT)
            .defaultSort("created_at", false)
            .build();

    private final AiAssistantRepository assistants;
    private final ToolCallRepository calls;
    private final ApiKeyManagement apiKeys;
    private final Clock clock;

    AiAssistantManagement(
            AiAssistantRepository assistants, ToolCallRepository calls, ApiKeyManagement apiKeys, Clock clock) {
        this.assistants = assistants;
        this.calls = calls;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    public AiAssistant get(Caller caller, UUID id) {
        caller.requireAdmin();
        return (caller.isPlatform()
                        ? assistants.findInAnyOrganization(id)
                        : assistants.find(caller.organizationId(), id))
                .orElseThrow(() -> ReservaException.notFound("AI assistant", id));
    }

    public Page<AiAssistant> list(Caller caller, ListQuery query) {
        caller.requireAdmin();
        Optional<UUID> organization = query.organizationId() != null || !caller.isPlatform()
                ? Optional.of(caller.organizationFor(query.organizationId()))
                : Optional.empty();
        return assistants.list(query, organization);
    }

    /** Creates the assistant and issues its credential, whose secret is in the answer and nowhere else. */
    @Transactional
    public IssuedAiAssistant create(Caller caller, NewAiAssistant request) {
        caller.requireAdmin();
        UUID organizationId = caller.organizationFor(request.organizationId());
        List<FieldError> errors = new ArrayList<>();
        String name = name(request.name(), errors);
        List<String> tools = tools(request.internalTools(), errors);
        ReservaException.throwIfAny(errors);
        Instant now = now();
        UUID id = Ids.newId();
        IssuedApiKey key = apiKeys.issueAssistantKey(caller, organizationId, keyName(name));
        AiAssistant assistant = new AiAssistant(
                id,
                organizationId,
                name,
                blankToNull(request.instructions()),
                new InternalTools(tools),
                request.isActive() == null || request.isActive(),
                new AiAssistant.Credential(key.key().id(), key.key().keyPrefix()),
                now,
                now);
        assistants.insert(assistant);
        return new IssuedAiAssistant(assistant, key.secret());
    }

    @Transactional
    public AiAssistant update(Caller caller, UUID id, Patch<AiAssistantChanges> patch) {
        AiAssistant current = get(caller, id);
        AiAssistantChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        String name = patch.has("name") ? name(sent.name(), errors) : current.name();
        List<String> tools = current.tools();
        if (patch.has("internal_tools")) {
            if (sent.internalTools() == null) {
                errors.add(new FieldError("internal_tools", "cannot be cleared; send {\"tools\": []} to disable all"));
            } else {
                tools = tools(sent.internalTools(), errors);
            }
        }
        if (patch.has("is_active") && sent.isActive() == null) {
            errors.add(new FieldError("is_active", "cannot be cleared"));
        }
        ReservaException.throwIfAny(errors);
        AiAssistant changed = new AiAssistant(
                current.id(),
                current.organizationId(),
                name,
                patch.has("instructions") ? blankToNull(sent.instructions()) : current.instructions(),
                new InternalTools(tools),
                patch.has("is_active") ? sent.isActive() : current.isActive(),
                current.credential(),
                current.createdAt(),
                now());
        assistants.update(changed);
        return changed;
    }

    /** Issues a new credential and revokes the old one at once: the old secret stops working now. */
    @Transactional
    public IssuedAiAssistant rotateCredential(Caller caller, UUID id) {
        AiAssistant current = get(caller, id);
        if (current.credential() != null) {
            apiKeys.revokeAssistantKey(caller, current.credential().apiKeyId());
        }
        IssuedApiKey key = apiKeys.issueAssistantKey(caller, current.organizationId(), keyName(current.name()));
        AiAssistant changed = withCredential(
                current, new AiAssistant.Credential(key.key().id(), key.key().keyPrefix()));
        assistants.update(changed);
        return new IssuedAiAssistant(changed, key.secret());
    }

    /** Revokes the credential; the assistant stays, without a way in until a new one is issued. */
    @Transactional
    public AiAssistant revokeCredential(Caller caller, UUID id) {
        AiAssistant current = get(caller, id);
        if (current.credential() == null) {
            return current;
        }
        apiKeys.revokeAssistantKey(caller, current.credential().apiKeyId());
        AiAssistant changed = withCredential(current, null);
        assistants.update(changed);
        return changed;
    }

    public Page<ToolCall> toolCalls(Caller caller, UUID id, ListQuery query) {
        AiAssistant assistant = get(caller, id);
        return calls.list(query, assistant.organizationId(), assistant.id());
    }

    /**
     * The assistant an assistant key stands for. Empty for any other key, and for a key no assistant holds any
     * more, so such a caller gets nothing.
     */
    public Optional<AiAssistant> ofCredential(Caller caller) {
        if (!caller.isAssistant() || caller.organizationId() == null || caller.apiKeyId() == null) {
            return Optional.empty();
        }
        return assistants.findByCredential(caller.organizationId(), caller.apiKeyId());
    }

    /**
     * The assistant whose tools a caller may see and invoke through the REST face: its own assistant for an
     * assistant key (another id is not found), any assistant of the organization for its admins.
     */
    public AiAssistant forToolUse(Caller caller, UUID id) {
        if (caller.isAssistant()) {
            return ofCredential(caller)
                    .filter(assistant -> assistant.id().equals(id))
                    .orElseThrow(() -> ReservaException.notFound("AI assistant", id));
        }
        return get(caller, id);
    }

    private AiAssistant withCredential(AiAssistant a, AiAssistant.Credential credential) {
        return new AiAssistant(
                a.id(),
                a.organizationId(),
                a.name(),
                a.instructions(),
                a.internalTools(),
                a.isActive(),
                credential,
                a.createdAt(),
                now());
    }

    private static String name(String name, List<FieldError> errors) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            errors.add(new FieldError("name", "must be 1 to 200 characters"));
            return name;
        }
        return name.strip();
    }

    /** The enabled keys in their canonical order, each once; an unknown key is named with its position. */
    private static List<String> tools(InternalTools internalTools, List<FieldError> errors) {
        if (internalTools == null || internalTools.tools() == null) {
            if (internalTools != null) {
                errors.add(new FieldError("internal_tools.tools", "is required (an array of tool keys)"));
            }
            return List.of();
        }
        List<String> sent = internalTools.tools();
        for (int i = 0; i < sent.size(); i++) {
            String key = sent.get(i);
            if (key == null || AssistantTool.fromKey(key).isEmpty()) {
                errors.add(new FieldError(
                        "internal_tools.tools[" + i + "]",
                        "unknown tool '" + key + "'; the tools are " + AssistantTool.keys()));
            }
        }
        return Arrays.stream(AssistantTool.values())
                .map(AssistantTool::key)
                .filter(sent::contains)
                .toList();
    }

    private static String keyName(String assistantName) {
        String name = "AI assistant: " + assistantName;
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

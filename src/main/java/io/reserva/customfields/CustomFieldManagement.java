package io.reserva.customfields;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining, listing and changing custom fields: admin keys write, every key of the organization reads. */
@Service
public class CustomFieldManagement {

    public static final QueryDefinition QUERY = QueryDefinition.forResource("custom-fields")
            .field("id", "id", FieldType.UUID)
            .enumField(
                    "entity_type",
                    "entity_type",
                    Arrays.stream(EntityType.values()).map(EntityType::wire).collect(Collectors.toSet()))
            .field("key", "key", FieldType.STRING)
            .field("label", "label", FieldType.STRING)
            .enumField(
                    "field_type",
                    "field_type",
                    Arrays.stream(CustomFieldType.values())
                            .map(CustomFieldType::wire)
                            .collect(Collectors.toSet()))
            .field("is_required", "is_required", FieldType.BOOLEAN)
            .field("is_active", "is_active", FieldType.BOOLEAN)
            .field("position", "position", FieldType.INTEGER)
            .field("created_at", "created_at", FieldType.INSTANT)
            .field("updated_at", "updated_at", FieldType.INSTANT)
            .searchOn("key", "label")
            .defaultSort("position", true)
            .organizationScoped()
            .build();

    private final CustomFieldRepository fields;
    private final CustomFieldDefinitions definitions;
    private final OrganizationManagement organizations;
    private final Clock clock;

    CustomFieldManagement(
            CustomFieldRepository fields,
            CustomFieldDefinitions definitions,
            OrganizationManagement organizations,
            Clock clock) {
        this.fields = fields;
        this.definitions = definitions;
        this.organizations = organizations;
        this.clock = clock;
    }

    public Page<CustomField> list(Caller caller, ListQuery query) {
        return fields.list(query, caller.organizationFor(query.organizationId()));
    }

    /** The definition, if this caller may see it; otherwise "not found", whether or not it exists. */
    public CustomField get(Caller caller, UUID id) {
        return (caller.isPlatform() ? fields.findInAnyOrganization(id) : fields.find(caller.organizationId(), id))
                .filter(field -> caller.canSee(field.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("Custom field", id));
    }

    @Transactional
    public CustomField create(Caller caller, NewCustomField request) {
        UUID organizationId = organizations
                .get(caller, caller.organizationFor(request.organizationId()))
                .id();
        caller.requireAdmin();
        List<FieldError> errors = new ArrayList<>();
        CustomFieldRules.checkKey(request.key(), errors);
        String label = CustomFieldRules.normalizeLabel(request.label(), errors);
        List<String> options = CustomFieldRules.checkOptions(request.fieldType(), request.options(), errors);
        String description = CustomFieldRules.normalizeDescription(request.description(), errors);
        ReservaException.throwIfAny(errors);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CustomField field = new CustomField(
                Ids.newId(),
                organizationId,
                request.entityType(),
                request.key(),
                label,
                request.fieldType(),
                options,
                Boolean.TRUE.equals(request.isRequired()),
                !Boolean.FALSE.equals(request.isActive()),
                request.position() != null
                        ? request.position()
                        : fields.nextPosition(organizationId, request.entityType()),
                description,
                now,
                now);
        try {
            fields.insert(field);
            definitions.changed(organizationId);
        } catch (DuplicateKeyException e) {
            throw new ReservaException(
                    ErrorCode.CONFLICT,
                    "A " + field.entityType().wire() + " custom field with the key '" + field.key() + "' exists",
                    List.of(new FieldError("key", "is taken")));
        }
        return field;
    }

    @Transactional
    public CustomField update(Caller caller, UUID id, Patch<CustomFieldChanges> patch) {
        CustomField current = get(caller, id);
        caller.requireAdmin();
        CustomFieldChanges sent = patch.values();
        List<FieldError> errors = new ArrayList<>();
        if (patch.has("entity_type") && sent.entityType() != current.entityType()) {
            errors.add(new FieldError("entity_type", "cannot be changed; define a new field instead"));
        }
        if (patch.has("key") && !Objects.equals(sent.key(), current.key())) {
            errors.add(new FieldError("key", "cannot be changed: stored values are filed under it"));
        }
        for (String required : List.of("label", "field_type", "is_required", "is_active", "position")) {
            if (patch.has(required) && isNull(sent, required)) {
                errors.add(new FieldError(required, "cannot be cleared"));
            }
        }
        String label = patch.has("label") && sent.label() != null
                ? CustomFieldRules.normalizeLabel(sent.label(), errors)
                : current.label();
        CustomFieldType fieldType = patch.valueOr("field_type", sent.fieldType(), current.fieldType());
        List<String> options = CustomFieldRules.checkOptions(
                fieldType, patch.valueOr("options", sent.options(), current.options()), errors);
        String description = patch.has("description")
                ? CustomFieldRules.normalizeDescription(sent.description(), errors)
                : current.description();
        ReservaException.throwIfAny(errors);
        CustomField updated = new CustomField(
                current.id(),
                current.organizationId(),
                current.entityType(),
                current.key(),
                label,
                fieldType,
                options,
                patch.valueOr("is_required", sent.isRequired(), current.isRequired()),
                patch.valueOr("is_active", sent.isActive(), current.isActive()),
                patch.valueOr("position", sent.position(), current.position()),
                description,
                current.createdAt(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        fields.update(updated);
        definitions.changed(current.organizationId());
        return updated;
    }

    /**
     * Deletes the definition. Values already stored under its key stay on their records, as they are, like the
     * values of an inactive field; a new definition with the same key takes them up again.
     */
    @Transactional
    public CustomField delete(Caller caller, UUID id) {
        CustomField current = get(caller, id);
        caller.requireAdmin();
        fields.delete(current.organizationId(), id);
        definitions.changed(current.organizationId());
        return current;
    }

    private static boolean isNull(CustomFieldChanges sent, String field) {
        return switch (field) {
            case "label" -> sent.label() == null;
            case "field_type" -> sent.fieldType() == null;
            case "is_required" -> sent.isRequired() == null;
            case "is_active" -> sent.isActive() == null;
            case "position" -> sent.position() == null;
            default -> false;
        };
    }
}

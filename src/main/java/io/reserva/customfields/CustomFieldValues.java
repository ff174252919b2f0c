package io.reserva.customfields;

import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Checks the {@code custom_fields_by_key} of a reservation or contact against the organization's definitions. */
@Service
public class CustomFieldValues {

    private final CustomFieldDefinitions fields;
    private final OrganizationManagement organizations;

    CustomFieldValues(CustomFieldDefinitions fields, OrganizationManagement organizations) {
        this.fields = fields;
        this.organizations = organizations;
    }

    /**
     * Validates and normalizes values against the active definitions; throws 422 validation_failed naming each
     * bad key as "custom_fields_by_key.&lt;key&gt;". current = the stored values for a PATCH (null on create): the
     * result is current merged with sent (a key sent as null removes it). Unknown keys are refused (naming them);
     * required fields must be present and non-empty after the merge.
     *
     * <p>Decisions beyond that: a blank string or an empty list counts as no value and removes the key, as a
     * null does. A key whose definition is inactive or deleted keeps its stored value, and may be sent back
     * unchanged (a client echoing what it read); a new value for it is refused.
     */
    public Map<String, Object> validate(
            UUID organizationId, EntityType entityType, Map<String, Object> sent, Map<String, Object> current) {
        return validate(organizationId, entityType, sent, current, true);
    }

    /**
     * As {@link #validate(UUID, EntityType, Map, Map)}, but with {@code requireComplete} false a missing required
     * field is allowed: a held reservation is a place kept while the guest is still typing, and its answers are
     * due when it is confirmed ({@link #requireComplete}).
     */
    public Map<String, Object> validate(
            UUID organizationId,
            EntityType entityType,
            Map<String, Object> sent,
            Map<String, Object> current,
            boolean requireComplete) {
        Map<String, CustomField> definitions = fields.of(organizationId, entityType).stream()
                .collect(Collectors.toMap(CustomField::key, Function.identity()));
        Map<String, Object> stored = current == null ? Map.of() : current;
        Map<String, Object> result = new LinkedHashMap<>(stored);
        List<FieldError> errors = new ArrayList<>();
        Set<String> refused = new HashSet<>();
        String country = null;
        boolean countryLoaded = false;
        for (Map.Entry<String, Object> entry : (sent == null ? Map.<String, Object>of() : sent).entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            String field = "custom_fields_by_key." + key;
            CustomField definition = definitions.get(key);
            if (CustomFieldRules.isEmpty(value)) {
                result.remove(key);
                continue;
            }
            if (definition == null || !definition.isActive()) {
                if (stored.containsKey(key) && CustomFieldRules.sameValue(stored.get(key), value)) {
                    continue;
                }
                refused.add(key);
                errors.add(new FieldError(
                        field,
                        definition == null
                                ? "is not a custom field of this organization's " + entityType.wire() + "s"
                                : "belongs to an inactive custom field and takes no new values"));
                continue;
            }
            if (definition.fieldType() == CustomFieldType.PHONE && !countryLoaded) {
                country = organizations
                        .find(organizationId)
                        .map(Organization::country)
                        .orElse(null);
                countryLoaded = true;
            }
            try {
                result.put(
                        key, CustomFieldRules.normalize(definition.fieldType(), definition.options(), value, country));
            } catch (IllegalArgumentException e) {
                refused.add(key);
                errors.add(new FieldError(field, e.getMessage()));
            }
        }
        for (CustomField definition : definitions.values()) {
            if (requireComplete
                    && definition.isActive()
                    && definition.isRequired()
                    && !refused.contains(definition.key())
                    && CustomFieldRules.isEmpty(result.get(definition.key()))) {
                errors.add(new FieldError("custom_fields_by_key." + definition.key(), "is required"));
            }
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        ReservaException.throwIfAny(errors);
        return Collections.unmodifiableMap(result);
    }

    /** Throws 422 naming each active required field that {@code values} leaves empty. */
    public void requireComplete(UUID organizationId, EntityType entityType, Map<String, Object> values) {
        validate(organizationId, entityType, Map.of(), values, true);
    }
}

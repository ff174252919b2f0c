package io.reserva.customfields;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The definitions of an organization's custom fields, cached per organization and entity type on each node:
 * every reservation and contact write validates against them, and they rarely change.
 *
 * <p>A change on this node drops the organization's entries at once and again when its transaction ends (Caffeine
 * makes that second drop wait for a load in progress, so a load that read the old rows cannot outlive it). Other
 * nodes are not notified: their entries expire after {@link #TTL}, so a new, changed or deleted definition takes
 * at most that long to apply there. A notification would need the shared PostgreSQL listener being built in the
 * {@code database} module; until then the short TTL bounds the staleness.
 */
@Component
class CustomFieldDefinitions {

    static final Duration TTL = Duration.ofSeconds(10);

    private record Key(UUID organizationId, EntityType entityType) {}

    private final Cache<Key, List<CustomField>> cache =
            Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(20_000).build();

    private final CustomFieldRepository fields;

    CustomFieldDefinitions(CustomFieldRepository fields) {
        this.fields = fields;
    }

    /** Every definition, active or not, of one entity type of an organization. */
    List<CustomField> of(UUID organizationId, EntityType entityType) {
        return cache.get(
                new Key(organizationId, entityType),
                key -> List.copyOf(fields.definitions(key.organizationId(), key.entityType())));
    }

    /** Called by the transaction that changes a definition of the organization. */
    void changed(UUID organizationId) {
        invalidate(organizationId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidate(organizationId);
                }
            });
        }
    }

    private void invalidate(UUID organizationId) {
        for (EntityType type : EntityType.values()) {
            cache.invalidate(new Key(organizationId, type));
        }
    }
}

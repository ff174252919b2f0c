package io.reserva.catalog;

import io.reserva.tenancy.OrganizationTimezoneChanged;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces that an organization's catalog changed: a notification on the {@value #CHANNEL} channel, which
 * PostgreSQL delivers to every node when (and only if) the transaction commits, an invalidation of this
 * node's cache right after the commit, and, after that, a {@link CatalogChanged} event on this node for other modules.
 */
@Component
class CatalogChanges {

    static final String CHANNEL = "reserva_catalog";

    /** The organizations whose catalog the current transaction changed. */
    private static final Object CHANGED_IN_TRANSACTION = new Object();

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    CatalogChanges(JdbcClient jdbc, Catalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
    }

    /** Call from inside the writing transaction, after the write. */
    void changed(UUID organizationId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Catalog writes must run in a transaction");
        }
        @SuppressWarnings("unchecked")
        Set<UUID> changed = (Set<UUID>) TransactionSynchronizationManager.getResource(CHANGED_IN_TRANSACTION);
        if (changed == null) {
            Set<UUID> organizations = new HashSet<>();
            changed = organizations;
            TransactionSynchronizationManager.bindResource(CHANGED_IN_TRANSACTION, organizations);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CHANGED_IN_TRANSACTION);
                    if (status == STATUS_COMMITTED) {
                        organizations.forEach(catalog::invalidate);
                        // After the invalidation, so listeners read the committed catalog.
                        organizations.forEach(organization -> events.publishEvent(new CatalogChanged(organization)));
                    }
                }
            });
        }
        if (changed.add(organizationId)) {
            jdbc.sql("select pg_notify(:channel, :organization)")
                    .param("channel", CHANNEL)
                    .param("organization", organizationId.toString())
                    .query()
                    .singleRow();
        }
    }

    /**
     * The organization's time zone is part of its snapshot: a change of zone is a catalog change, announced the
     * same way (in the updating transaction, so every node drops its snapshot when it commits).
     */
    @EventListener
    void timezoneChanged(OrganizationTimezoneChanged change) {
        changed(change.organizationId());
    }

    static boolean changedInCurrentTransaction(UUID organizationId) {
        Object changed = TransactionSynchronizationManager.getResource(CHANGED_IN_TRANSACTION);
        return changed instanceof Set<?> organizations && organizations.contains(organizationId);
    }
}

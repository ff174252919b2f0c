package io.reserva.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Organization;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog of one organization as the slot engine reads it: a {@link CatalogSnapshot}, cached per
 * organization on each node.
 *
 * <p>Every catalog write sends {@code pg_notify('reserva_catalog', organization id)} in its transaction, which
 * PostgreSQL delivers on commit to every node's {@link CatalogChangeListener}; the writing node also drops its
 * entry right after the commit, so it reads its own writes at once. Inside a transaction that changed an
 * organization's catalog, the snapshot is read afresh from that transaction and not cached. Entries also expire
 * after {@link #SAFETY_TTL}, which bounds staleness should a notification ever be lost.
 */
@Service
public class Catalog {

    static final Duration SAFETY_TTL = Duration.ofSeconds(60);

    private final Cache<UUID, CatalogSnapshot> snapshots = Caffeine.newBuilder()
            .expireAfterWrite(SAFETY_TTL)
            .maximumSize(10_000)
            .build();

    private final ServiceRepository services;
    private final ResourceRepository resources;
    private final LinkRepository links;
    private final AvailabilityRepository weeklyHours;
    private final ExceptionRepository exceptions;
    private final CombinationRepository combinations;
    private final AreaRepository areas;
    private final OrganizationManagement organizations;
    private final TransactionTemplate consistentRead;

    Catalog(
            ServiceRepository services,
            ResourceRepository resources,
            LinkRepository links,
            AvailabilityRepository weeklyHours,
            ExceptionRepository exceptions,
            CombinationRepository combinations,
            AreaRepository areas,
            OrganizationManagement organizations,
            PlatformTransactionManager transactions) {
        this.services = services;
        this.resources = resources;
        this.links = links;
        this.weeklyHours = weeklyHours;
        this.exceptions = exceptions;
        this.combinations = combinations;
        this.areas = areas;
        this.organizations = organizations;
        this.consistentRead = new TransactionTemplate(transactions);
        // One snapshot of the database for the six reads, so a concurrent write is seen whole or not at all.
        consistentRead.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        consistentRead.setReadOnly(true);
    }

    /**
     * Everything the organization offers. The caller has checked that it may see this organization; an
     * organization that does not exist is {@code not_found}.
     */
    public CatalogSnapshot snapshot(UUID organizationId) {
        if (CatalogChanges.changedInCurrentTransaction(organizationId)) {
            return load(organizationId);
        }
        // Caffeine blocks an invalidation of this key while it loads, so a load that read the old rows cannot
        // outlive the invalidation that follows the commit of new ones.
        return snapshots.get(organizationId, id -> consistentRead.execute(status -> load(id)));
    }

    void invalidate(UUID organizationId) {
        snapshots.invalidate(organizationId);
    }

    void invalidateAll() {
        snapshots.invalidateAll();
    }

    private CatalogSnapshot load(UUID organizationId) {
        Organization organization = organizations
                .find(organizationId)
                .orElseThrow(() -> ReservaException.notFound("Organization", organizationId));
        return new CatalogSnapshot(
                organizationId,
                organization.timezone(),
                services.allOf(organizationId),
                resources.allOf(organizationId),
                links.allOf(organizationId),
                weeklyHours.allOf(organizationId),
                exceptions.allOf(organizationId),
                combinations.allOf(organizationId),
                areas.allOf(organizationId));
    }
}

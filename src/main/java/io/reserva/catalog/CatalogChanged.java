package io.reserva.catalog;

import java.util.UUID;

/**
 * An organization's catalog (services, resources, links, hours, exceptions, combinations) changed and the change
 * committed. Published once per organization and transaction, on the writing node only, after the transaction
 * completed and this node's cache dropped the old catalog: work a listener does in the database needs a
 * transaction of its own ({@code REQUIRES_NEW}). The waitlist offers the capacity a change may have added.
 */
public record CatalogChanged(UUID organizationId) {}

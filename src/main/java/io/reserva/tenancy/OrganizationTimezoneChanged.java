package io.reserva.tenancy;

import java.util.UUID;

/**
 * Published, inside the updating transaction, when an organization's time zone changes: the catalog keeps the
 * zone in its snapshot (every local day, opening and slot is read in it), so it announces a catalog change.
 */
public record OrganizationTimezoneChanged(UUID organizationId) {}

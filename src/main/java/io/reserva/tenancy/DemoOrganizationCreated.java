package io.reserva.tenancy;

import java.util.UUID;

/**
 * Published, inside the creating transaction, when the demo organization is first created, so other modules
 * can give it their demo data (services, resources, hours).
 */
public record DemoOrganizationCreated(UUID organizationId) {}

package io.reserva.google;

import io.reserva.google.GoogleIntegration.ServiceMapping;
import io.reserva.shared.SqlTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Google settings per organization and their service mappings, in PostgreSQL. */
@Repository
class GoogleIntegrationRepository {

    private final JdbcClient jdbc;

    GoogleIntegrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GoogleIntegration> find(UUID organizationId) {
        return jdbc.sql("""
                        select organization_id, merchant_id, enabled, max_future_bookings_per_user, created_at,
                            updated_at
                        from google_integrations where organization_id = :org
                        """)
                .param("org", organizationId)
                .query((rs, n) -> map(rs, mappings(organizationId)))
                .optional();
    }

    /** The enabled organization behind a merchant id. */
    Optional<UUID> enabledOrganizationOf(String merchantId) {
        return jdbc.sql("select organization_id from google_integrations where merchant_id = :merchant and enabled")
                .param("merchant", merchantId)
                .query(UUID.class)
                .optional();
    }

    Optional<String> merchantOf(UUID organizationId) {
        return jdbc.sql("select merchant_id from google_integrations where organization_id = :org")
                .param("org", organizationId)
                .query(String.class)
                .optional();
    }

    /** The merchant's limit of future bookings per Google user, when it has one. */
    Optional<Integer> bookingLimitOf(UUID organizationId) {
        return jdbc.sql("""
                        select max_future_bookings_per_user from google_integrations
                        where organization_id = :org and max_future_bookings_per_user is not null
                        """).param("org", organizationId).query(Integer.class).optional();
    }

    Optional<UUID> serviceOf(UUID organizationId, String googleServiceId) {
        return jdbc.sql("""
                        select service_id from google_service_mappings
                        where organization_id = :org and google_service_id = :google
                        """)
                .param("org", organizationId)
                .param("google", googleServiceId)
                .query(UUID.class)
                .optional();
    }

    /** Writes the whole setting; the caller's transaction keeps the row and its mappings together. */
    void replace(
            UUID organizationId,
            String merchantId,
            boolean enabled,
            Integer maxFutureBookingsPerUser,
            List<ServiceMapping> mappings,
            Instant now) {
        jdbc.sql("""
                        insert into google_integrations (organization_id, merchant_id, enabled,
                            max_future_bookings_per_user, created_at, updated_at)
                        values (:org, :merchant, :enabled, :limit, :now, :now)
                        on conflict (organization_id) do update
                        set merchant_id = excluded.merchant_id, enabled = excluded.enabled,
                            max_future_bookings_per_user = excluded.max_future_bookings_per_user,
                            updated_at = excluded.updated_at
                        """)
                .param("org", organizationId)
                .param("merchant", merchantId)
                .param("enabled", enabled)
                .param("limit", maxFutureBookingsPerUser)
                .param("now", SqlTypes.timestamptz(now))
                .update();
        jdbc.sql("delete from google_service_mappings where organization_id = :org")
                .param("org", organizationId)
                .update();
        for (ServiceMapping mapping : mappings) {
            jdbc.sql("""
                            insert into google_service_mappings (organization_id, google_service_id, service_id)
                            values (:org, :google, :service)
                            """)
                    .param("org", organizationId)
                    .param("google", mapping.googleServiceId())
                    .param("service", mapping.serviceId())
                    .update();
        }
    }

    /** Every enabled merchant with its mappings, in merchant id order (what the feeds cover). */
    List<GoogleIntegration> enabled() {
        List<UUID> organizations = jdbc.sql(
                        "select organization_id from google_integrations where enabled order by merchant_id")
                .query(UUID.class)
                .list();
        return organizations.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The Google service ids under which an enabled merchant offers this service (usually one). */
    List<String> enabledGoogleServicesOf(UUID organizationId, UUID serviceId) {
        return jdbc.sql("""
                        select m.google_service_id
                        from google_service_mappings m
                        join google_integrations i on i.organization_id = m.organization_id
                        where m.organization_id = :org and m.service_id = :service and i.enabled
                        order by m.google_service_id
                        """)
                .param("org", organizationId)
                .param("service", serviceId)
                .query(String.class)
                .list();
    }

    private List<ServiceMapping> mappings(UUID organizationId) {
        return jdbc.sql("""
                        select google_service_id, service_id from google_service_mappings
                        where organization_id = :org order by google_service_id
                        """)
                .param("org", organizationId)
                .query((rs, n) -> new ServiceMapping(rs.getString(1), rs.getObject(2, UUID.class)))
                .list();
    }

    private static GoogleIntegration map(ResultSet rs, List<ServiceMapping> mappings) throws SQLException {
        return new GoogleIntegration(
                rs.getObject("organization_id", UUID.class),
                rs.getString("merchant_id"),
                rs.getBoolean("enabled"),
                mappings,
                (Integer) rs.getObject("max_future_bookings_per_user"),
                SqlTypes.instant(rs, "created_at"),
                SqlTypes.instant(rs, "updated_at"));
    }
}

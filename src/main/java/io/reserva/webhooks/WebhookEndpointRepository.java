package io.reserva.webhooks;

import io.reserva.shared.SecretCipher;
import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Webhook endpoints with their signing secrets, which are stored sealed ({@link SecretCipher}, bound to the
 * endpoint's id); {@link DeliverySender} opens them just before it signs.
 */
@Repository
class WebhookEndpointRepository {

    /** A stored endpoint: what the API shows, and the secrets it never shows again, as stored (sealed). */
    record EndpointRow(WebhookEndpoint endpoint, String secret, String previousSecret) {}

    /** What a sealed secret of this endpoint is bound to: a value copied to another endpoint does not open. */
    static String secretContext(UUID endpointId) {
        return "webhook_endpoints:" + endpointId;
    }

    private static final String COLUMNS = """
            w.id, w.organization_id, w.url, w.description, w.event_types, w.is_active, w.disabled_reason,
            w.secret, w.previous_secret, w.previous_secret_expires_at, w.created_at, w.updated_at""";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final RowMapper<EndpointRow> rows = WebhookEndpointRepository::row;

    WebhookEndpointRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Inserts the endpoint with {@code row.secret()} in clear text, which is sealed here. */
    void insert(EndpointRow row) {
        WebhookEndpoint e = row.endpoint();
        jdbc.sql("""
                        insert into webhook_endpoints (id, organization_id, url, description, event_types, is_active,
                                                       secret, created_at, updated_at)
                        values (:id, :org, :url, :description, cast(:event_types as text[]), :active, :secret,
                                :created_at, :created_at)
                        """)
                .param("id", e.id())
                .param("org", e.organizationId())
                .param("url", e.url())
                .param("description", e.description())
                .param("event_types", e.eventTypes().toArray(String[]::new))
                .param("active", e.isActive())
                .param("secret", cipher.seal(row.secret(), secretContext(e.id())))
                .param("created_at", SqlTypes.timestamptz(e.createdAt()))
                .update();
    }

    Optional<EndpointRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints w where w.id = :id")
                .param("id", id)
                .query(rows)
                .optional();
    }

    Optional<EndpointRow> lock(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS
                        + " from webhook_endpoints w where w.organization_id = :org and w.id = :id for update")
                .param("org", organizationId)
                .param("id", id)
                .query(rows)
                .optional();
    }

    Page<WebhookEndpoint> list(ListQuery query, UUID organizationId) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "webhook_endpoints w",
                "w.organization_id = :scope_org",
                Map.of("scope_org", organizationId),
                (rs, n) -> row(rs, n).endpoint());
    }

    void update(WebhookEndpoint e, Instant now) {
        jdbc.sql("""
                        update webhook_endpoints
                           set url = :url, description = :description, event_types = cast(:event_types as text[]),
                               is_active = :active, disabled_reason = :reason, updated_at = :now
                         where organization_id = :org and id = :id
                        """)
                .param("org", e.organizationId())
                .param("id", e.id())
                .param("url", e.url())
                .param("description", e.description())
                .param("event_types", e.eventTypes().toArray(String[]::new))
                .param("active", e.isActive())
                .param("reason", e.disabledReason())
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    /**
     * The new secret (clear text, sealed here) signs from now on; the current one keeps signing beside it until
     * {@code previousUntil}. The current one moves sealed as it is: both are bound to the same endpoint.
     */
    void rotate(UUID organizationId, UUID id, String secret, Instant previousUntil, Instant now) {
        jdbc.sql("""
                        update webhook_endpoints
                           set previous_secret = secret, previous_secret_expires_at = :until, secret = :secret,
                               updated_at = :now
                         where organization_id = :org and id = :id
                        """)
                .param("org", organizationId)
                .param("id", id)
                .param("secret", cipher.seal(secret, secretContext(id)))
                .param("until", SqlTypes.timestamptz(previousUntil))
                .param("now", SqlTypes.timestamptz(now))
                .update();
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.sql("delete from webhook_endpoints where organization_id = :org and id = :id")
                .param("org", organizationId)
                .param("id", id)
                .update();
    }

    /** The receiver said it is gone for good: no more deliveries until someone turns the endpoint on again. */
    void disable(UUID id, String reason) {
        jdbc.sql("""
                        update webhook_endpoints set is_active = false, disabled_reason = :reason, updated_at = now()
                         where id = :id and is_active
                        """).param("id", id).param("reason", reason).update();
    }

    static EndpointRow row(ResultSet rs, int n) throws SQLException {
        Array types = rs.getArray("event_types");
        Instant previousUntil = SqlTypes.instant(rs, "previous_secret_expires_at");
        return new EndpointRow(
                new WebhookEndpoint(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("url"),
                        rs.getString("description"),
                        types == null ? List.of() : Arrays.asList((String[]) types.getArray()),
                        rs.getBoolean("is_active"),
                        rs.getString("disabled_reason"),
                        previousUntil,
                        SqlTypes.instant(rs, "created_at"),
                        SqlTypes.instant(rs, "updated_at")),
                rs.getString("secret"),
                rs.getString("previous_secret"));
    }
}

package io.reserva.tenancy;

import io.reserva.shared.SqlTypes;
import io.reserva.shared.query.ListQueries;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in PostgreSQL; secrets only as SHA-256 hashes. */
@Repository
class ApiKeyRepository {

    private static final String COLUMNS =
            "id, organization_id, name, role, key_prefix, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiKeyRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The key with this secret hash, active or not: the caller decides what a revoked key means. */
    Optional<ApiKey> findBySecretHash(byte[] hash) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where secret_hash = :hash")
                .param("hash", hash)
                .query(this::map)
                .optional();
    }

    Optional<ApiKey> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    Page<ApiKey> list(ListQuery query, Optional<UUID> organization) {
        return ListQueries.run(
                jdbc,
                query,
                COLUMNS,
                "api_keys",
                organization.isPresent() ? "organization_id = :scope_org" : "true",
                organization.isPresent() ? Map.of("scope_org", organization.get()) : Map.of(),
                this::map);
    }

    void insert(ApiKey key, byte[] secretHash) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("id", key.id());
        parameters.put("organization_id", key.organizationId());
        parameters.put("name", key.name());
        parameters.put("role", key.role().wire());
        parameters.put("key_prefix", key.keyPrefix());
        parameters.put("secret_hash", secretHash);
        parameters.put("created_at", SqlTypes.timestamptz(key.createdAt()));
        parameters.put("expires_at", SqlTypes.timestamptz(key.expiresAt()));
        jdbc.sql("insert into api_keys (id, organization_id, name, role, key_prefix, secret_hash, created_at,"
                        + " expires_at) values (:id, :organization_id, :name, :role, :key_prefix, :secret_hash,"
                        + " :created_at, :expires_at)")
                .params(parameters)
                .update();
    }

    void rename(UUID id, String name) {
        jdbc.sql("update api_keys set name = :name where id = :id")
                .param("id", id)
                .param("name", name)
                .update();
    }

    void revoke(UUID id, Instant at) {
        jdbc.sql("update api_keys set revoked_at = :at where id = :id and revoked_at is null")
                .param("id", id)
                .param("at", SqlTypes.timestamptz(at))
                .update();
    }

    /** Marks use at most once a minute per key, so a busy key does not write on every request. */
    void touch(UUID id, Instant at) {
        jdbc.sql("update api_keys set last_used_at = :at where id = :id"
                        + " and (last_used_at is null or last_used_at < :at - interval '1 minute')")
                .param("id", id)
                .param("at", SqlTypes.timestamptz(at))
                .update();
    }

    long countActivePlatformKeys(Instant now) {
        return jdbc.sql("select count(*) from api_keys where role = 'platform_admin' and revoked_at is null"
                        + " and (expires_at is null or expires_at > :now)")
                .param("now", SqlTypes.timestamptz(now))
                .query(Long.class)
                .single();
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        Instant expiresAt = SqlTypes.instant(rs, "expires_at");
        Instant revokedAt = SqlTypes.instant(rs, "revoked_at");
        Instant now = clock.instant();
        return new ApiKey(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("name"),
                Role.fromWire(rs.getString("role")),
                rs.getString("key_prefix"),
                SqlTypes.instant(rs, "created_at"),
                expiresAt,
                SqlTypes.instant(rs, "last_used_at"),
                revokedAt,
                revokedAt == null && (expiresAt == null || expiresAt.isAfter(now)));
    }
}

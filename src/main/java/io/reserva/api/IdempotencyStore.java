package io.reserva.api;

import io.reserva.shared.SqlTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The idempotency records in PostgreSQL. Each statement commits on its own: the claim must be visible to the
 * other nodes before the request runs, whatever the request's own transaction does.
 *
 * <p>The claim and the stored response commit without waiting for the disk: the request's own
 * synchronous commit flushes the write-ahead log in order, claim included, so a request whose effects survive a
 * crash keeps its claim too (docs/conventions.md, "Idempotency", argues it in full). The statements join
 * {@code set_config('synchronous_commit', 'off', true)}, which lasts until the end of their own autocommitted
 * transaction and is read by its commit: one round trip, where {@code SET LOCAL} needs a transaction block.
 */
@Repository
class IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    /** A claim left in progress this long belongs to a node that died mid-request; the next try takes it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** What a stored key holds: still in progress, or the finished response. */
    record Stored(byte[] requestHash, boolean completed, int status, Map<String, String> headers, byte[] body) {}

    /**
     * Takes the key for this request if it is free (new, expired, or abandoned). Returns true when this request
     * now owns it and must run; false when someone else holds it ({@link #find} tells what they hold).
     */
    boolean claim(String scope, String key, byte[] requestHash, Duration ttl) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        insert into idempotency_records
                            (scope, idempotency_key, request_hash, state, created_at, expires_at)
                        select :scope, :key, :hash, 'in_progress', :now, :expires
                          from set_config('synchronous_commit', 'off', true) as async_commit
                        on conflict (scope, idempotency_key) do update
                           set request_hash = excluded.request_hash, state = 'in_progress',
                               response_status = null, response_headers = null, response_body = null,
                               created_at = excluded.created_at, expires_at = excluded.expires_at
                         where idempotency_records.expires_at < excluded.created_at
                            or (idempotency_records.state = 'in_progress'
                                and idempotency_records.created_at < :abandoned_before)
                        returning 1
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("hash", requestHash)
                .param("now", SqlTypes.timestamptz(now))
                .param("expires", SqlTypes.timestamptz(now.plus(ttl)))
                .param("abandoned_before", SqlTypes.timestamptz(now.minus(ABANDONED_AFTER)))
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    Optional<Stored> find(String scope, String key) {
        return jdbc.sql("""
                        select request_hash, state, response_status, response_headers::text as headers, response_body
                          from idempotency_records
                         where scope = :scope and idempotency_key = :key and expires_at > :now
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("now", SqlTypes.timestamptz(clock.instant()))
                .query((rs, row) -> new Stored(
                        rs.getBytes("request_hash"),
                        "completed".equals(rs.getString("state")),
                        rs.getInt("response_status"),
                        rs.getString("headers") == null
                                ? Map.of()
                                : json.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() {}),
                        rs.getBytes("response_body")))
                .optional();
    }

    void complete(String scope, String key, int status, Map<String, String> headers, byte[] body) {
        jdbc.sql("""
                        update idempotency_records
                           set state = 'completed', response_status = :status,
                               response_headers = cast(:headers as jsonb), response_body = :body
                          from set_config('synchronous_commit', 'off', true) as async_commit
                         where scope = :scope and idempotency_key = :key
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("status", status)
                .param("headers", json.writeValueAsString(headers))
                .param("body", body)
                .update();
    }

    /** Forgets a claim whose request failed on our side, so the client's retry runs it again. */
    void release(String scope, String key) {
        jdbc.sql(
                        "delete from idempotency_records where scope = :scope and idempotency_key = :key and state = 'in_progress'")
                .param("scope", scope)
                .param("key", key)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void deleteExpired() {
        int deleted = jdbc.sql("delete from idempotency_records where expires_at < :now")
                .param("now", SqlTypes.timestamptz(clock.instant()))
                .update();
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency records", deleted);
        }
    }
}

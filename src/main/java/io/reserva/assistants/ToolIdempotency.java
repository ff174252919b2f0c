package io.reserva.assistants;

import io.reserva.shared.SqlTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The optional {@code idempotency_key} of create_reservation: the first successful result is kept for a day and
 * replayed to a retry with the same key and arguments. A failed call leaves nothing behind, so the model can
 * correct its arguments and try again under the same key. Each statement commits on its own, so a concurrent
 * duplicate sees the claim at once.
 */
@Repository
class ToolIdempotency {

    static final Duration TTL = Duration.ofHours(24);
    /** A claim left in progress this long belongs to a node that died mid-call; the next try takes it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    /** What a key already holds. */
    sealed interface Claim {
        /** This call owns the key now. */
        record Claimed() implements Claim {}

        /** A finished call with the same arguments: replay its result. */
        record Replay(Map<String, Object> result) implements Claim {}

        /** The same key with other arguments. */
        record Conflict() implements Claim {}

        /** The first call with this key is still running. */
        record InProgress() implements Claim {}
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ToolIdempotency(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    Claim claim(UUID organizationId, UUID assistantId, String key, byte[] requestHash) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                        insert into ai_assistant_idempotency
                               (organization_id, assistant_id, idempotency_key, request_hash, state, created_at,
                                expires_at)
                        values (:org, :assistant, :key, :hash, 'in_progress', :now, :expires)
                        on conflict (organization_id, assistant_id, idempotency_key) do update
                           set request_hash = excluded.request_hash, state = 'in_progress', result = null,
                               created_at = excluded.created_at, expires_at = excluded.expires_at
                         where ai_assistant_idempotency.expires_at < excluded.created_at
                            or (ai_assistant_idempotency.state = 'in_progress'
                                and ai_assistant_idempotency.created_at < :abandoned_before)
                        """)
                .param("org", organizationId)
                .param("assistant", assistantId)
                .param("key", key)
                .param("hash", requestHash)
                .param("now", SqlTypes.timestamptz(now))
                .param("expires", SqlTypes.timestamptz(now.plus(TTL)))
                .param("abandoned_before", SqlTypes.timestamptz(now.minus(ABANDONED_AFTER)))
                .update();
        if (claimed == 1) {
            return new Claim.Claimed();
        }
        Optional<Claim> existing = jdbc.sql("""
                        select request_hash, state, result::text as result from ai_assistant_idempotency
                         where organization_id = :org and assistant_id = :assistant and idempotency_key = :key
                        """)
                .param("org", organizationId)
                .param("assistant", assistantId)
                .param("key", key)
                .query((rs, row) -> {
                    if (!Arrays.equals(rs.getBytes("request_hash"), requestHash)) {
                        return (Claim) new Claim.Conflict();
                    }
                    if ("completed".equals(rs.getString("state"))) {
                        return new Claim.Replay(json.readValue(rs.getString("result"), OBJECT));
                    }
                    return new Claim.InProgress();
                })
                .optional();
        // Gone between the two statements (released by a failed first call): this call may run.
        return existing.orElseGet(() -> claim(organizationId, assistantId, key, requestHash));
    }

    void complete(UUID organizationId, UUID assistantId, String key, Map<String, Object> result) {
        jdbc.sql("""
                        update ai_assistant_idempotency set state = 'completed', result = cast(:result as jsonb)
                         where organization_id = :org and assistant_id = :assistant and idempotency_key = :key
                        """)
                .param("org", organizationId)
                .param("assistant", assistantId)
                .param("key", key)
                .param("result", json.writeValueAsString(result))
                .update();
    }

    void release(UUID organizationId, UUID assistantId, String key) {
        jdbc.sql("""
                        delete from ai_assistant_idempotency
                         where organization_id = :org and assistant_id = :assistant and idempotency_key = :key
                           and state = 'in_progress'
                        """)
                .param("org", organizationId)
                .param("assistant", assistantId)
                .param("key", key)
                .update();
    }
}

package io.reserva.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issuing, listing and revoking API keys, and resolving a presented secret to its {@link Caller}.
 *
 * <p>Resolved keys are cached for a few seconds, so a busy key costs no database round trip per request. A
 * revocation is immediate on the node that made it and reaches the other nodes within that cache time.
 */
@Service
public class ApiKeyManagement {

    public static final String SECRET_PREFIX = "rsv_";
    static final Duration CACHE_TIME = Duration.ofSeconds(5);

    public static final QueryDefinition QUERY = QueryDefinition.forResource("api-keys")
            .field("id", "id", FieldType.UUID)
            .field("name", "name", FieldType.STRING)
            .enumField(
                    "role", "role", Arrays.stream(Role.values()).map(Role::wire).collect(Collectors.toSet()))
            .field("created_at", "created_at", FieldType.INSTANT)
            .nullableField("last_used_at", "last_used_at", FieldType.INSTANT)
            .nullableField("revoked_at", "revoked_at", FieldType.INSTANT)
            .searchOn("name", "key_prefix")
            .defaultSort("created_at", true)
            .organizationScoped()
            .build();

    private final ApiKeyRepository keys;
    private final OrganizationManagement organizations;
    private final Clock clock;
    private final Cache<String, Optional<ApiKey>> bySecretHash = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TIME)
            .maximumSize(10_000)
            .build();
    private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

    ApiKeyManagement(ApiKeyRepository keys, OrganizationManagement organizations, Clock clock) {
        this.keys = keys;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The caller a presented secret stands for, or empty when it is unknown, revoked or expired. */
    public Optional<Caller> authenticate(String secret) {
        byte[] hash = Secrets.sha256(secret);
        Optional<ApiKey> key = bySecretHash.get(HexFormat.of().formatHex(hash), h -> keys.findBySecretHash(hash));
        Instant now = clock.instant();
        if (key.isEmpty()
                || key.get().revokedAt() != null
                || (key.get().expiresAt() != null && !key.get().expiresAt().isAfter(now))) {
            return Optional.empty();
        }
        ApiKey found = key.get();
        Instant touched = lastTouched.get(found.id());
        if (touched == null || touched.isBefore(now.minus(Duration.ofMinutes(1)))) {
            lastTouched.put(found.id(), now);
            keys.touch(found.id(), now);
        }
        return Optional.of(new Caller(found.id(), found.organizationId(), found.role()));
    }

    @Transactional
    public IssuedApiKey create(Caller caller, NewApiKey request) {
        caller.requireAdmin();
        Role role = grantable(caller, request.role());
        UUID organizationId;
        if (role == Role.PLATFORM_ADMIN) {
            caller.requirePlatform();
            if (request.organizationId() != null) {
                throw ReservaException.invalidField("organization_id", "must be empty for a platform_admin key");
            }
            organizationId = null;
        } else {
            organizationId = caller.organizationFor(request.organizationId());
            organizations.get(caller, organizationId);
        }
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            errors.add(new FieldError("expires_at", "must be in the future"));
        }
        ReservaException.throwIfAny(errors);
        return issue(organizationId, request.name().strip(), role, request.expiresAt(), now);
    }

    /**
     * The role named on the wire, if an API key of it can be issued here; otherwise a {@code validation_failed}
     * that lists the roles this caller may grant (a platform key also grants platform_admin). A platform_admin
     * asked for by an organization's admin stays a 403, as for any platform-only action.
     */
    private static Role grantable(Caller caller, String wire) {
        List<Role> grantable = caller.isPlatform()
                ? List.of(Role.PLATFORM_ADMIN, Role.ADMIN, Role.STAFF, Role.READ_ONLY)
                : List.of(Role.ADMIN, Role.STAFF, Role.READ_ONLY);
        Role role = Arrays.stream(Role.values())
                .filter(candidate -> candidate.wire().equals(wire))
                .findFirst()
                .orElse(null);
        if (role == Role.ASSISTANT) {
            throw ReservaException.invalidField(
                    "role", "assistant keys are issued with their assistant: POST /ai-assistants/{id}/credential");
        }
        if (role == null || (role != Role.PLATFORM_ADMIN && !grantable.contains(role))) {
            throw ReservaException.invalidField(
                    "role",
                    "must be one of " + grantable.stream().map(Role::wire).collect(Collectors.joining(", ")));
        }
        return role;
    }

    /**
     * Issues the credential of an AI assistant: a key of role {@code assistant} in the organization, for an admin
     * of it. The assistants module records which assistant the key stands for; revoke it with {@link #revoke}.
     */
    @Transactional
    public IssuedApiKey issueAssistantKey(Caller caller, UUID organizationId, String name) {
        caller.requireAdmin();
        UUID organization = caller.organizationFor(organizationId);
        organizations.get(caller, organization);
        return issue(organization, name, Role.ASSISTANT, null, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** Creates a key without a calling key: the first platform key and the demo organization's key. */
    IssuedApiKey issue(UUID organizationId, String name, Role role, Instant expiresAt, Instant now) {
        return issue(organizationId, name, role, expiresAt, now, Secrets.newSecret(SECRET_PREFIX));
    }

    IssuedApiKey issue(UUID organizationId, String name, Role role, Instant expiresAt, Instant now, String secret) {
        ApiKey key = new ApiKey(
                Ids.newId(),
                organizationId,
                name,
                role,
                secret.substring(0, Math.min(10, secret.length())),
                now,
                expiresAt,
                null,
                null,
                true);
        keys.insert(key, Secrets.sha256(secret));
        return new IssuedApiKey(key, secret);
    }

    public ApiKey get(Caller caller, UUID id) {
        caller.requireAdmin();
        return keys.find(id)
                .filter(key -> key.organizationId() == null ? caller.isPlatform() : caller.canSee(key.organizationId()))
                .orElseThrow(() -> ReservaException.notFound("API key", id));
    }

    public Page<ApiKey> list(Caller caller, ListQuery query) {
        caller.requireAdmin();
        Optional<UUID> organization = query.organizationId() != null || !caller.isPlatform()
                ? Optional.of(caller.organizationFor(query.organizationId()))
                : Optional.empty();
        return keys.list(query, organization);
    }

    @Transactional
    public ApiKey rename(Caller caller, UUID id, String name) {
        get(caller, id);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ReservaException.invalidField("name", "must be 1 to 200 characters");
        }
        keys.rename(id, name.strip());
        return get(caller, id);
    }

    /** Revokes the key at once; refuses to revoke the last platform key, which would lock everyone out. */
    @Transactional
    public ApiKey revoke(Caller caller, UUID id) {
        ApiKey key = get(caller, id);
        if (key.role() == Role.ASSISTANT) {
            throw new ReservaException(
                    ErrorCode.CONFLICT,
                    "This key is an AI assistant's credential; revoke or rotate it through"
                            + " /ai-assistants/{id}/credential, so the assistant shows it too");
        }
        return revoke(caller, key);
    }

    /** Revokes an AI assistant's credential (the assistants module keeps its own record of it in step). */
    public ApiKey revokeAssistantKey(Caller caller, UUID id) {
        ApiKey key = get(caller, id);
        if (key.role() != Role.ASSISTANT) {
            throw new IllegalArgumentException("not an assistant's key: " + id);
        }
        return revoke(caller, key);
    }

    private ApiKey revoke(Caller caller, ApiKey key) {
        UUID id = key.id();
        Instant now = clock.instant();
        if (key.role() == Role.PLATFORM_ADMIN && key.isActive() && keys.countActivePlatformKeys(now) <= 1) {
            throw new ReservaException(
                    ErrorCode.CONFLICT, "This is the last active platform admin key; create another one first");
        }
        keys.revoke(id, now);
        bySecretHash.invalidateAll();
        return get(caller, id);
    }

    Optional<ApiKey> findBySecret(String secret) {
        return keys.findBySecretHash(Secrets.sha256(secret));
    }
}

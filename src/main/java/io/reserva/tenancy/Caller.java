package io.reserva.tenancy;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is behind a request: an API key, or a staff user's session (then {@code userId} is set and
 * {@code apiKeyId} is null). It says which organization the caller acts for (none for platform keys) and its
 * role. Every module asks it which organization a request may touch; the answer fails closed.
 */
public record Caller(UUID apiKeyId, UUID organizationId, Role role, UUID userId) {

    /** A caller that is an API key (or the system acting as one). */
    public Caller(UUID apiKeyId, UUID organizationId, Role role) {
        this(apiKeyId, organizationId, role, null);
    }

    /** A staff user signed in to one organization, through a session. */
    public static Caller user(UUID userId, UUID organizationId, Role role) {
        return new Caller(null, organizationId, role, userId);
    }

    public boolean isUser() {
        return userId != null;
    }

    /** Whom rate limits and idempotency keys belong to: the key, or the user. */
    public String subject() {
        return isUser() ? "user:" + userId : "key:" + apiKeyId;
    }

    public boolean isPlatform() {
        return role == Role.PLATFORM_ADMIN;
    }

    /**
     * The organization a request works in: the one asked for, which must be visible to this key, or the key's
     * own when the client left {@code organization_id} out. Another organization's id is "not found", never
     * "forbidden", so a key cannot even learn which ids exist.
     */
    public UUID organizationFor(UUID requested) {
        if (isPlatform()) {
            if (requested == null) {
                throw ReservaException.invalidField(
                        "organization_id", "is required: this platform key can act for every organization");
            }
            return requested;
        }
        if (requested != null && !requested.equals(organizationId)) {
            throw ReservaException.notFound("Organization", requested);
        }
        return organizationId;
    }

    /** The organization whose rows this key may see, or empty for a platform key, which sees all. */
    public Optional<UUID> visibleOrganization() {
        return isPlatform() ? Optional.empty() : Optional.of(organizationId);
    }

    /** An AI assistant's credential, which only {@link AssistantEndpoint} handlers accept. */
    public boolean isAssistant() {
        return role == Role.ASSISTANT;
    }

    public boolean canSee(UUID organization) {
        return isPlatform() || organizationId.equals(organization);
    }

    /** Settings and keys of an organization: its admins and the platform. */
    public void requireAdmin() {
        if (role != Role.PLATFORM_ADMIN && role != Role.ADMIN) {
            throw new ReservaException(
                    ErrorCode.FORBIDDEN, "This needs an admin role; this caller's role is " + role.wire());
        }
    }

    public void requirePlatform() {
        if (!isPlatform()) {
            throw new ReservaException(ErrorCode.FORBIDDEN, "Only a platform admin key can do this");
        }
    }
}

package io.reserva.users;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.Patch;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.shared.query.FieldType;
import io.reserva.shared.query.ListQuery;
import io.reserva.shared.query.Page;
import io.reserva.shared.query.QueryDefinition;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.tenancy.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users of an organization: adding (inviting) them, their name and role there, removing them, ending their
 * sessions and one-time links to set a password. Only admins (and platform keys) manage users.
 *
 * <p>An account is one email across the installation. Adding an email that already has an account gives that
 * account a membership; its password stays the person's own, so neither a password nor a link is issued
 * for it. For the same reason an organization's admin may only issue a reset link for a user who belongs to
 * no other organization: otherwise one venue's admin could take over an account that another venue trusts.
 */
@Service
public class UserManagement {

    static final String TOKEN_PREFIX = "pwt_";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> MEMBER_ROLES = Set.of("admin", "staff", "read_only");

    public static final QueryDefinition QUERY = QueryDefinition.forResource("users")
            .field("id", "u.id", FieldType.UUID)
            .field("email", "u.email", FieldType.STRING)
            .field("name", "m.name", FieldType.STRING)
            .enumField("role", "m.role", MEMBER_ROLES)
            .field("created_at", "m.created_at", FieldType.INSTANT)
            .field("updated_at", "m.updated_at", FieldType.INSTANT)
            .searchOn("u.email", "m.name")
            .defaultSort("name", true)
            .organizationScoped()
            .build();

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordTokenRepository tokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final OrganizationManagement organizations;
    private final UsersProperties properties;
    private final Clock clock;

    UserManagement(
            UserRepository users,
            SessionRepository sessions,
            PasswordTokenRepository tokens,
            PasswordHasher hasher,
            PasswordPolicy policy,
            OrganizationManagement organizations,
            UsersProperties properties,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.policy = policy;
        this.organizations = organizations;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public CreatedUser create(Caller caller, NewUser request) {
        caller.requireAdmin();
        UUID organizationId = caller.organizationFor(request.organizationId());
        organizations.get(caller, organizationId);
        String email = normalizedEmail(request.email());
        List<FieldError> errors = new ArrayList<>();
        if (!EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an email address"));
        }
        Role role = memberRole(request.role(), errors);
        ReservaException.throwIfAny(errors);
        Instant now = now();
        Optional<UserAccount> existing = users.findByEmail(email);
        UUID userId;
        PasswordLink link = null;
        if (existing.isPresent()) {
            userId = existing.get().id();
            if (users.findMember(organizationId, userId).isPresent()) {
                throw new ReservaException(ErrorCode.CONFLICT, "This email is already a user of the organization");
            }
            if (request.password() != null) {
                throw ReservaException.invalidField(
                        "password", "cannot be set: this email already has an account, whose password is its own");
            }
            // Once the account is shared, no single organization's open link may set its password any more.
            tokens.retireAllOf(userId, now);
        } else {
            userId = Ids.newId();
            String hash = null;
            if (request.password() != null) {
                requireGoodPassword("password", request.password(), email);
                hash = hasher.hash(request.password());
            }
            users.insertAccount(userId, email, hash, now);
            if (hash == null) {
                link = issueLink(organizationId, userId, "setup", now);
            }
        }
        users.insertMembership(organizationId, userId, request.name().strip(), role, now);
        return new CreatedUser(member(organizationId, userId), link);
    }

    public Page<User> list(Caller caller, ListQuery query) {
        caller.requireAdmin();
        return users.list(query, caller.organizationFor(query.organizationId()));
    }

    public User get(Caller caller, UUID organizationId, UUID id) {
        caller.requireAdmin();
        UUID organization = caller.organizationFor(organizationId);
        return users.findMember(organization, id).orElseThrow(() -> ReservaException.notFound("User", id));
    }

    @Transactional
    public User update(Caller caller, UUID organizationId, UUID id, Patch<UserChanges> patch) {
        User current = get(caller, organizationId, id);
        List<FieldError> errors = new ArrayList<>();
        String name = current.name();
        if (patch.has("name")) {
            String sent = patch.values().name();
            if (sent == null || sent.isBlank() || sent.length() > 200) {
                errors.add(new FieldError("name", "must be 1 to 200 characters"));
            } else {
                name = sent.strip();
            }
        }
        Role role = patch.has("role") ? memberRole(patch.values().role(), errors) : current.role();
        ReservaException.throwIfAny(errors);
        users.updateMembership(current.organizationId(), id, name, role, now());
        return member(current.organizationId(), id);
    }

    /** Removes the user from the organization; their sessions there end with the membership. */
    @Transactional
    public User remove(Caller caller, UUID organizationId, UUID id) {
        User current = get(caller, organizationId, id);
        users.deleteMembership(current.organizationId(), id);
        tokens.retireAllOf(id, current.organizationId(), now());
        users.deleteIfOrphanInvitation(id);
        return current;
    }

    /**
     * Ends the user's sessions at once, on every node (they are rows in the database): those in this
     * organization for its admin, every one of them for a platform key.
     */
    @Transactional
    public SessionsEnded endSessions(Caller caller, UUID organizationId, UUID id) {
        User user = get(caller, organizationId, id);
        int ended = caller.isPlatform() ? sessions.deleteAllOf(id) : sessions.deleteAllOf(id, user.organizationId());
        return new SessionsEnded(ended);
    }

    /** A one-time link for the user to choose a new password; earlier links stop working. */
    @Transactional
    public PasswordLink createResetLink(Caller caller, UUID organizationId, UUID id) {
        User user = get(caller, organizationId, id);
        if (!caller.isPlatform() && users.organizationsOf(id).size() > 1) {
            throw new ReservaException(
                    ErrorCode.CONFLICT,
                    "This user also belongs to other organizations; only a platform admin key can reset the"
                            + " password of a shared account");
        }
        Instant now = now();
        tokens.retireAllOf(id, now);
        return issueLink(user.organizationId(), id, "reset", now);
    }

    /**
     * Sets the password through a one-time link and ends every session of the account. An unknown, used or
     * expired link is {@code 404 invalid_token}; a refused password leaves the link usable.
     */
    @Transactional
    public void completePasswordLink(String token, String password) {
        Instant now = now();
        UUID userId = tokens.use(Secrets.sha256(token == null ? "" : token), now)
                .orElseThrow(() -> new ReservaException(
                        ErrorCode.INVALID_TOKEN, "This link is not valid: unknown, already used or expired"));
        UserAccount account = users.findAccount(userId).orElseThrow();
        requireGoodPassword("password", password, account.email());
        users.setPassword(userId, hasher.hash(password), now);
        tokens.retireAllOf(userId, now);
        sessions.deleteAllOf(userId);
    }

    /** Whether the user belongs to the organization (for other modules that name a user, e.g. a resource). */
    public boolean isMember(UUID organizationId, UUID userId) {
        return users.findMember(organizationId, userId).isPresent();
    }

    void requireGoodPassword(String field, String password, String email) {
        Optional<String> problem = policy.problem(password, email);
        if (problem.isPresent()) {
            throw ReservaException.invalidField(field, problem.get());
        }
    }

    private PasswordLink issueLink(UUID organizationId, UUID userId, String purpose, Instant now) {
        String token = Secrets.newSecret(TOKEN_PREFIX);
        Instant expiresAt = now.plus("setup".equals(purpose) ? properties.setupLinkTtl() : properties.resetLinkTtl());
        tokens.insert(Secrets.sha256(token), organizationId, userId, purpose, now, expiresAt);
        return new PasswordLink(token, "/password-resets/" + token, expiresAt);
    }

    private User member(UUID organizationId, UUID userId) {
        return users.findMember(organizationId, userId).orElseThrow();
    }

    private static Role memberRole(String wire, List<FieldError> errors) {
        if (wire == null || !MEMBER_ROLES.contains(wire)) {
            errors.add(new FieldError("role", "must be one of admin, staff, read_only"));
            return null;
        }
        return Role.fromWire(wire);
    }

    static String normalizedEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

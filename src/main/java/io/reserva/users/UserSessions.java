package io.reserva.users;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.OrganizationManagement;
import io.reserva.tenancy.Role;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in, the sessions that follow it, and sign-out. A session's id is 256 random bits, new at every
 * sign-in, organization switch and password change; only its SHA-256 is stored, and every request looks it up
 * in PostgreSQL, so ending a session (sign-out, a password change, an admin's revoke, removing the user) takes
 * effect on every node with the next request. Idle and absolute timeouts are checked in that same lookup.
 */
@Service
public class UserSessions {

    public static final String SECRET_PREFIX = "rss_";

    /**
     * The request attribute that holds the session secret of a request made with the session cookie, for handlers
     * that must check later that the session still lives (a live stream outlasts its request's lookup).
     */
    public static final String SECRET_ATTRIBUTE = UserSessions.class.getName() + ".secret";

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Caller SYSTEM = new Caller(null, null, Role.PLATFORM_ADMIN);

    /** A session just begun: the secret goes into the cookie and nowhere else. */
    public record Started(String secret, CurrentSession session, Duration maxAge) {}

    /** A session found by its cookie: the caller it stands for. */
    public record Resolved(Caller caller, byte[] idHash) {}

    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordTokenRepository tokens;
    private final PasswordHasher hasher;
    private final UserManagement management;
    private final OrganizationManagement organizations;
    private final UsersProperties properties;
    private final LoginThrottle throttle;
    private final Clock clock;

    UserSessions(
            UserRepository users,
            SessionRepository sessions,
            PasswordTokenRepository tokens,
            PasswordHasher hasher,
            UserManagement management,
            OrganizationManagement organizations,
            UsersProperties properties,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.management = management;
        this.organizations = organizations;
        this.properties = properties;
        this.throttle = new LoginThrottle(
                properties.loginFailuresPerAccount(),
                properties.loginFailuresPerAddress(),
                properties.loginWindow(),
                clock);
        this.clock = clock;
    }

    /**
     * Signs in. A wrong password, an unknown email and an account without a password yet all get the same
     * {@code 401 invalid_credentials}, after the same bcrypt work. Without {@code organizationId} the session
     * opens in the user's oldest membership. Not one transaction: no connection is held during bcrypt's work.
     */
    public Started signIn(String email, String password, UUID organizationId, String clientAddress) {
        String account = UserManagement.normalizedEmail(email);
        throttle.check(account, clientAddress);
        Optional<UserAccount> found = users.findByEmail(account);
        boolean valid = hasher.matches(
                password == null ? "" : password,
                found.map(UserAccount::passwordHash).orElse(null));
        if (!valid) {
            throttle.failed(account, clientAddress);
            throw new ReservaException(ErrorCode.INVALID_CREDENTIALS, "The email or the password is wrong");
        }
        throttle.succeeded(account);
        UUID userId = found.get().id();
        List<UUID> memberships = users.organizationsOf(userId);
        UUID organization = organizationId != null ? organizationId : memberships.isEmpty() ? null : memberships.get(0);
        if (organization == null || !memberships.contains(organization)) {
            throw ReservaException.invalidField(
                    "organization_id",
                    memberships.isEmpty()
                            ? "this user belongs to no organization any more"
                            : "is not an organization of this user");
        }
        return begin(userId, organization, now());
    }

    /** The caller a session cookie stands for; empty when it is unknown, ended, idle or past its end. */
    @Transactional
    public Optional<Resolved> resolve(String secret) {
        if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        byte[] hash = Secrets.sha256(secret);
        Instant now = now();
        Optional<SessionRepository.SessionRow> row =
                sessions.findLive(hash, now, now.minus(properties.sessionIdleTimeout()));
        row.filter(r -> !r.lastSeenAt().isAfter(now.minus(TOUCH_EVERY))).ifPresent(r -> sessions.touch(hash, now));
        return row.map(r -> new Resolved(Caller.user(r.userId(), r.organizationId(), r.role()), hash));
    }

    /**
     * Which of these session secrets still stand for a live session (not ended, idle or past its end, and the
     * membership still there), in one query. Asking does not count as activity: it keeps no session alive.
     */
    public Set<String> stillLive(Collection<String> secrets) {
        if (secrets.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byHash = new HashMap<>();
        for (String secret : secrets) {
            byHash.put(HexFormat.of().formatHex(Secrets.sha256(secret)), secret);
        }
        Instant now = now();
        Set<String> live = new HashSet<>();
        for (String hash : sessions.liveAmong(byHash.keySet(), now, now.minus(properties.sessionIdleTimeout()))) {
            live.add(byHash.get(hash));
        }
        return live;
    }

    public CurrentSession current(String secret) {
        return describe(live(secret), secret);
    }

    @Transactional
    public void signOut(String secret) {
        sessions.delete(Secrets.sha256(secret));
    }

    /** Moves the session to another of the user's organizations, under a new id (the old one ends). */
    @Transactional
    public Started switchOrganization(String secret, UUID organizationId) {
        SessionRepository.SessionRow row = live(secret);
        if (organizationId == null || !users.organizationsOf(row.userId()).contains(organizationId)) {
            throw ReservaException.invalidField("organization_id", "is not an organization of this user");
        }
        sessions.delete(row.idHash());
        return begin(row.userId(), organizationId, now());
    }

    /**
     * Changes the signed-in user's password after checking the current one: every session of the account
     * ends, open links to set a password stop working, and this browser gets a new session.
     */
    @Transactional
    public Started changePassword(String secret, String currentPassword, String newPassword) {
        SessionRepository.SessionRow row = live(secret);
        UserAccount account = users.findAccount(row.userId()).orElseThrow();
        if (!hasher.matches(currentPassword == null ? "" : currentPassword, account.passwordHash())) {
            throw ReservaException.invalidField("current_password", "is not the current password");
        }
        management.requireGoodPassword("new_password", newPassword, account.email());
        Instant now = now();
        users.setPassword(account.id(), hasher.hash(newPassword), now);
        tokens.retireAllOf(account.id(), now);
        sessions.deleteAllOf(account.id());
        return begin(account.id(), row.organizationId(), now);
    }

    /**
     * The token a state-changing request made with this session must carry: derived from the session's secret
     * (an HMAC of a fixed label), so it needs no storage, changes with every new session, and cannot be
     * computed by anyone who cannot read the HttpOnly cookie.
     */
    public static String csrfToken(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal("reserva csrf".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Removes ended sessions now and then; a lookup never accepts them anyway. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void purgeEnded() {
        Instant now = now();
        sessions.purgeEnded(now, now.minus(properties.sessionIdleTimeout()));
    }

    private Started begin(UUID userId, UUID organizationId, Instant now) {
        String secret = Secrets.newSecret(SECRET_PREFIX);
        Instant expiresAt = now.plus(properties.sessionAbsoluteTimeout());
        sessions.insert(Secrets.sha256(secret), userId, organizationId, now, expiresAt);
        SessionRepository.SessionRow row = sessions.findLive(
                        Secrets.sha256(secret), now, now.minus(properties.sessionIdleTimeout()))
                .orElseThrow();
        return new Started(secret, describe(row, secret), properties.sessionAbsoluteTimeout());
    }

    private SessionRepository.SessionRow live(String secret) {
        Instant now = now();
        return sessions.findLive(Secrets.sha256(secret), now, now.minus(properties.sessionIdleTimeout()))
                .orElseThrow(() -> new ReservaException(ErrorCode.UNAUTHORIZED, "This needs a signed-in session"));
    }

    private CurrentSession describe(SessionRepository.SessionRow row, String secret) {
        List<CurrentSession.MembershipSummary> memberships = users.organizationsOf(row.userId()).stream()
                .map(org -> new CurrentSession.MembershipSummary(
                        org,
                        organizations.get(SYSTEM, org).name(),
                        users.findMember(org, row.userId()).orElseThrow().role()))
                .toList();
        return new CurrentSession(
                row.userId(),
                row.email(),
                row.name(),
                row.organizationId(),
                row.role(),
                memberships,
                row.createdAt(),
                row.expiresAt(),
                csrfToken(secret));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

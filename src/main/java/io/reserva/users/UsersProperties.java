package io.reserva.users;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Staff accounts and sessions ({@code RESERVA_SESSION_*}, {@code RESERVA_LOGIN_*}, {@code RESERVA_PASSWORD_*},
 * {@code RESERVA_TRUSTED_PROXIES}).
 *
 * @param bcryptStrength bcrypt's cost (log2 of its rounds); 12 takes about a quarter of a second on one core
 * @param sessionIdleTimeout a session unused this long ends
 * @param sessionAbsoluteTimeout a session ends this long after sign-in, used or not
 * @param setupLinkTtl how long an invitation's link to set the first password works
 * @param resetLinkTtl how long an admin's password reset link works
 * @param loginFailuresPerAccount failed sign-ins allowed per email within {@code loginWindow}
 * @param loginFailuresPerAddress failed sign-ins allowed per client address within {@code loginWindow}
 * @param loginWindow the window over which failures are counted (refilled continuously)
 * @param trustedProxies addresses or CIDR blocks whose {@code X-Forwarded-Proto} is believed
 */
@ConfigurationProperties("reserva.users")
public record UsersProperties(
        Integer bcryptStrength,
        Duration sessionIdleTimeout,
        Duration sessionAbsoluteTimeout,
        Duration setupLinkTtl,
        Duration resetLinkTtl,
        Integer loginFailuresPerAccount,
        Integer loginFailuresPerAddress,
        Duration loginWindow,
        List<String> trustedProxies) {

    public UsersProperties {
        bcryptStrength = bcryptStrength == null ? 12 : bcryptStrength;
        sessionIdleTimeout = sessionIdleTimeout == null ? Duration.ofHours(2) : sessionIdleTimeout;
        sessionAbsoluteTimeout = sessionAbsoluteTimeout == null ? Duration.ofHours(12) : sessionAbsoluteTimeout;
        setupLinkTtl = setupLinkTtl == null ? Duration.ofDays(7) : setupLinkTtl;
        resetLinkTtl = resetLinkTtl == null ? Duration.ofHours(24) : resetLinkTtl;
        loginFailuresPerAccount = loginFailuresPerAccount == null ? 10 : loginFailuresPerAccount;
        loginFailuresPerAddress = loginFailuresPerAddress == null ? 50 : loginFailuresPerAddress;
        loginWindow = loginWindow == null ? Duration.ofMinutes(15) : loginWindow;
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }
}

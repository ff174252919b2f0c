package io.reserva.google;

import io.reserva.shared.Ids;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HTTP Basic credentials Google's partner portal sends with every booking server call. One partner serves
 * every merchant of the installation, so these belong to the platform, not to an organization. Passwords are
 * 256 random bits shown once; only their SHA-256 is kept (as for API keys, a slow hash adds nothing to a secret
 * nobody chose). Issuing a new credential gives the ones before it {@code credential-overlap} (default 7 days)
 * to be replaced in the portal: during that time both are accepted.
 */
@Service
public class PartnerCredentials {

    static final String DEFAULT_USERNAME = "google";
    private static final Pattern USERNAME = Pattern.compile("[\\x21-\\x39\\x3b-\\x7e]{1,100}");
    private static final String BASIC = "basic ";

    private final PartnerCredentialRepository credentials;
    private final GoogleProperties properties;
    private final Clock clock;

    PartnerCredentials(PartnerCredentialRepository credentials, GoogleProperties properties, Clock clock) {
        this.credentials = credentials;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public IssuedPartnerCredential issue(Caller caller, NewPartnerCredential request) {
        caller.requirePlatform();
        String username = request == null || request.username() == null ? DEFAULT_USERNAME : request.username();
        if (!USERNAME.matcher(username).matches()) {
            throw ReservaException.invalidField("username", "must be 1 to 100 visible ASCII characters, no colon");
        }
        String password = Secrets.newSecret("gps_");
        UUID id = Ids.newId();
        Instant now = now();
        Instant until = now.plus(properties.credentialOverlap());
        credentials.insert(id, username, Secrets.sha256(password), now);
        credentials.expireOthers(id, until);
        return new IssuedPartnerCredential(id, username, password, now, until);
    }

    public List<PartnerCredential> list(Caller caller) {
        caller.requirePlatform();
        return credentials.all();
    }

    /** Stops a credential at once (a leaked one should not wait for its overlap). */
    public PartnerCredential revoke(Caller caller, UUID id) {
        caller.requirePlatform();
        return credentials.revoke(id, now()).orElseThrow(() -> ReservaException.notFound("Partner credential", id));
    }

    /** Whether an {@code Authorization} header carries a valid partner credential. */
    public boolean accepts(String authorization) {
        if (authorization == null
                || authorization.length() <= BASIC.length()
                || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return false;
        }
        byte[] offered = Secrets.sha256(decoded.substring(colon + 1));
        boolean match = false;
        for (byte[] hash : credentials.validHashes(decoded.substring(0, colon), clock.instant())) {
            match |= MessageDigest.isEqual(hash, offered);
        }
        return match;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}

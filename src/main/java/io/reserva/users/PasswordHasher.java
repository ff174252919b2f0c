package io.reserva.users;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * bcrypt through Spring Security's crypto module. bcrypt rather than Argon2id: Spring's Argon2 encoder needs
 * BouncyCastle at run time (another 8 MB dependency), while bcrypt is self-contained and, at cost 12, is what
 * OWASP accepts for systems where Argon2id is not at hand. Its 72-byte input limit is enforced by the policy.
 */
@Component
class PasswordHasher {

    private final BCryptPasswordEncoder encoder;
    /** Compared against when there is no account, so an unknown email costs the same time as a wrong password. */
    private final String decoy;

    PasswordHasher(UsersProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.decoy = encoder.encode("decoy password that matches nothing");
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    /**
     * Whether the password matches the hash. With no hash (no account, no password yet) or a password longer than
     * any that can be set, it spends the same time and answers false.
     */
    boolean matches(String password, String hash) {
        if (hash == null || password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
            encoder.matches(password, decoy);
            return false;
        }
        return encoder.matches(password, hash);
    }
}

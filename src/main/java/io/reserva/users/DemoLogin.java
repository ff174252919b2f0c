package io.reserva.users;

import io.reserva.shared.Ids;
import io.reserva.shared.Secrets;
import io.reserva.tenancy.BootstrapProperties;
import io.reserva.tenancy.DemoOrganizationCreated;
import io.reserva.tenancy.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives the demo organization a console login on the first start, as its admin key is given: an admin user
 * with a random password, saved beside the keys (owner-only) and printed once. Created in the demo's own
 * transaction, so the demo exists with its login or not at all; printed after that transaction commits, below
 * the demo's key.
 */
@Component
class DemoLogin {

    static final String EMAIL = "demo-admin@example.com";
    private static final Logger log = LoggerFactory.getLogger(DemoLogin.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final BootstrapProperties bootstrap;
    private final Clock clock;

    DemoLogin(UserRepository users, PasswordHasher hasher, BootstrapProperties bootstrap, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.bootstrap = bootstrap;
        this.clock = clock;
    }

    @EventListener
    void on(DemoOrganizationCreated event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // 144 random bits in 24 characters: typed by hand once, then changed or kept in a password manager.
        String password = Secrets.newSecret("").substring(0, 24);
        UserAccount account = users.findByEmail(EMAIL).orElse(null);
        if (account != null) {
            return; // an earlier demo (its organization deleted by hand) left the account: leave it alone
        }
        java.util.UUID id = Ids.newId();
        users.insertAccount(id, EMAIL, hasher.hash(password), now);
        users.insertMembership(event.organizationId(), id, "Demo admin", Role.ADMIN, now);
        Path file = save(password);
        Runnable report = () -> log.warn("""

                ==================================================================================
                 Console login of the demo organization (shown once; also saved in {}):
                   email:    {}
                   password: {}
                 Sign in with POST /sessions (docs/users-and-sessions.md); change it there too.
                ==================================================================================""", file, EMAIL, password);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    report.run();
                }
            });
        } else {
            report.run();
        }
    }

    private Path save(String password) {
        Path file = bootstrap.file(BootstrapProperties.DEMO_LOGIN_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Secrets.createOwnerOnlyFile(file);
            Files.writeString(
                    file, EMAIL + System.lineSeparator() + password + System.lineSeparator(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}

package io.reserva.tenancy;

import io.reserva.database.DatabaseInfo;
import io.reserva.shared.Secrets;
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
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Makes a new installation usable: a platform admin key from the first start, and the demo organization with
 * its own admin key. Runs before the node reports ready, under a database lock, so nodes starting together
 * create each thing once.
 */
@Component
class InstallationBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InstallationBootstrap.class);
    static final String PLATFORM_KEY_FILE = "platform-admin.key";
    static final String DEMO_KEY_FILE = "demo-admin.key";
    private static final int MIN_BOOTSTRAP_KEY_LENGTH = 32;

    private final BootstrapProperties properties;
    private final DatabaseInfo database;
    private final ApiKeyManagement apiKeys;
    private final OrganizationManagement organizations;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Environment environment;

    InstallationBootstrap(
            BootstrapProperties properties,
            DatabaseInfo database,
            ApiKeyManagement apiKeys,
            OrganizationManagement organizations,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            Environment environment) {
        this.properties = properties;
        this.database = database;
        this.apiKeys = apiKeys;
        this.organizations = organizations;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('reserva.bootstrap'))")
                .query()
                .singleRow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        installPlatformKey(now);
        boolean demo = properties.demo() != null ? properties.demo() : database.embedded();
        if (demo && !installationFact("demo_created")) {
            createDemo(now);
        }
    }

    private void installPlatformKey(Instant now) {
        String configured = properties.bootstrapAdminKey();
        if (StringUtils.hasText(configured)) {
            if (configured.strip().length() < MIN_BOOTSTRAP_KEY_LENGTH) {
                throw new IllegalStateException("RESERVA_BOOTSTRAP_ADMIN_KEY must be at least "
                        + MIN_BOOTSTRAP_KEY_LENGTH + " characters of random text");
            }
            var existing = apiKeys.findBySecret(configured.strip());
            if (existing.isEmpty()) {
                apiKeys.issue(
                        null,
                        "Bootstrap key (RESERVA_BOOTSTRAP_ADMIN_KEY)",
                        Role.PLATFORM_ADMIN,
                        null,
                        now,
                        configured.strip());
                log.info("Installed the platform admin key given in RESERVA_BOOTSTRAP_ADMIN_KEY");
            } else if (!existing.get().isActive()) {
                log.warn("The key in RESERVA_BOOTSTRAP_ADMIN_KEY was revoked and stays revoked; set another one");
            }
            return;
        }
        boolean anyPlatformKey = jdbc.sql("select exists (select 1 from api_keys where role = 'platform_admin')")
                .query(Boolean.class)
                .single();
        if (anyPlatformKey) {
            return;
        }
        IssuedApiKey issued = apiKeys.issue(null, "Bootstrap key (generated)", Role.PLATFORM_ADMIN, null, now);
        Path file = writeOwnerOnly(PLATFORM_KEY_FILE, issued.secret());
        log.warn("""

                ==================================================================================
                 Platform admin API key (shown once; also saved, owner-only, in {}):
                   {}
                 Use it as:  Authorization: Bearer <key>
                ==================================================================================""", file, issued.secret());
    }

    private void createDemo(Instant now) {
        Caller system = new Caller(null, null, Role.PLATFORM_ADMIN);
        Organization demo = organizations.create(
                system,
                new NewOrganization(
                        "Reserva Demo",
                        null,
                        "Europe/Madrid",
                        "EUR",
                        "en",
                        "ES",
                        "demo@example.com",
                        null,
                        null,
                        "Calle Mayor 1, Madrid"));
        IssuedApiKey key = apiKeys.issue(demo.id(), "Demo admin key", Role.ADMIN, null, now);
        recordInstallationFact("demo_created", demo.id().toString(), now);
        events.publishEvent(new DemoOrganizationCreated(demo.id()));
        Path file = writeOwnerOnly(DEMO_KEY_FILE, key.secret());
        log.warn("""

                ==================================================================================
                 Demo organization "{}" (id {}) created.
                 Its admin API key (also saved in {}):
                   {}
                 Try:  curl -H "Authorization: Bearer <key>" {}/organizations/{}
                 (RESERVA_DEMO=false starts without it.)
                ==================================================================================""", demo.name(), demo.id(), file, key.secret(), baseUrl(), demo.id());
    }

    /** Read when needed: the port the server really bound is known only once it listens (it may be 0 in the settings). */
    private String baseUrl() {
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private boolean installationFact(String name) {
        return jdbc.sql("select exists (select 1 from installation_state where name = :name)")
                .param("name", name)
                .query(Boolean.class)
                .single();
    }

    private void recordInstallationFact(String name, String value, Instant now) {
        jdbc.sql("insert into installation_state (name, value, updated_at) values (:name, :value, :now)")
                .param("name", name)
                .param("value", value)
                .param("now", io.reserva.shared.SqlTypes.timestamptz(now))
                .update();
    }

    private Path writeOwnerOnly(String name, String secret) {
        Path file = properties.dataDir().resolve(name).toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Secrets.createOwnerOnlyFile(file);
            Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}

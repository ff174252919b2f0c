package io.reserva.tenancy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells the operator, on every start, where the server answers and where its API keys are kept. The secrets
 * themselves are printed only on the start that creates them ({@link InstallationBootstrap}).
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final BootstrapProperties properties;

    StartupReport(BootstrapProperties properties) {
        this.properties = properties;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port == null) {
            return; // no web server (a test context without one)
        }
        log.info(message(port));
    }

    String message(String port) {
        String base = "http://localhost:" + port + "/";
        return "Reserva is ready at " + base + " (API docs " + base + "docs, health " + base + "health). "
                + String.join("; ", keyLocations());
    }

    private List<String> keyLocations() {
        List<String> locations = new ArrayList<>();
        Path platformKey = keyFile(InstallationBootstrap.PLATFORM_KEY_FILE);
        if (StringUtils.hasText(properties.bootstrapAdminKey())) {
            locations.add("Platform admin key: the one in RESERVA_BOOTSTRAP_ADMIN_KEY");
        } else if (Files.exists(platformKey)) {
            locations.add("Platform admin key: in " + platformKey);
        } else {
            locations.add("Platform admin key: shown once at the first start (its file " + platformKey
                    + " is gone; issue a new key with an existing one)");
        }
        Path demoKey = keyFile(InstallationBootstrap.DEMO_KEY_FILE);
        if (Files.exists(demoKey)) {
            locations.add("demo organization's admin key: in " + demoKey);
        }
        Path demoLogin = keyFile(BootstrapProperties.DEMO_LOGIN_FILE);
        if (Files.exists(demoLogin)) {
            locations.add("demo console login: in " + demoLogin);
        }
        return locations;
    }

    private Path keyFile(String name) {
        return properties.dataDir().resolve(name).toAbsolutePath().normalize();
    }
}

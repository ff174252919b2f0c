package io.reserva.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every start says where the server is and where its keys are kept, never the keys themselves. */
class StartupReportTests {

    @TempDir
    Path dataDir;

    @Test
    void namesTheUrlAndTheKeyFilesButNotTheSecrets() throws IOException {
        Files.writeString(dataDir.resolve(InstallationBootstrap.PLATFORM_KEY_FILE), "rsv_platform-secret\n");
        Files.writeString(dataDir.resolve(InstallationBootstrap.DEMO_KEY_FILE), "rsv_demo-secret\n");
        Files.writeString(
                dataDir.resolve(BootstrapProperties.DEMO_LOGIN_FILE), "demo-admin@example.com\nlogin-secret\n");

        String message = new StartupReport(new BootstrapProperties(dataDir, null, null)).message("8080");

        assertThat(message)
                .startsWith("Reserva is ready at http://localhost:8080/ ")
                .contains("http://localhost:8080/docs")
                .contains(dataDir.resolve("platform-admin.key").toString())
                .contains(dataDir.resolve("demo-admin.key").toString())
                .contains("demo console login: in " + dataDir.resolve("demo-console.login"))
                .doesNotContain("rsv_platform-secret", "rsv_demo-secret", "login-secret");
    }

    @Test
    void aKeyGivenInTheEnvironmentIsNamedByItsVariable() {
        String message = new StartupReport(
                        new BootstrapProperties(dataDir, "rsv_from-the-environment-0123456789", null))
                .message("9090");

        assertThat(message)
                .contains("RESERVA_BOOTSTRAP_ADMIN_KEY")
                .doesNotContain("rsv_from-the-environment")
                .doesNotContain("demo");
    }
}

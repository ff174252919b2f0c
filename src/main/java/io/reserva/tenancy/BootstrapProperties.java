package io.reserva.tenancy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * First-start settings.
 *
 * @param dataDir the data directory ({@code RESERVA_DATA_DIR}); key files are written here
 * @param bootstrapAdminKey the platform admin key to install ({@code RESERVA_BOOTSTRAP_ADMIN_KEY}); empty: generate
 * @param demo whether to create the demo organization ({@code RESERVA_DEMO}); empty: only on the embedded database
 */
@ConfigurationProperties("reserva")
public record BootstrapProperties(Path dataDir, String bootstrapAdminKey, Boolean demo) {

    /** Where the first start saves the demo organization's console login (email, then password), mode 600. */
    public static final String DEMO_LOGIN_FILE = "demo-console.login";

    /** A file of the data directory, as an absolute path. */
    public Path file(String name) {
        return dataDir.resolve(name).toAbsolutePath().normalize();
    }
}

package io.reserva;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.support.ChildApp;
import io.reserva.support.TestApi;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a user runs it, on a durable data directory: a second process on the directory in use is refused
 * in words an operator can act on, and a polite stop (SIGTERM, as Ctrl-C or a service manager sends) stops
 * PostgreSQL with the app and keeps every write for the next start. {@link NodeCrashIntegrationTests} tells what
 * a {@code kill -9} keeps; this was the end of its story until it came close to the 60 s a class may take.
 */
class NodeRestartIntegrationTests {

    @TempDir
    Path dataDir;

    private Process app;

    @AfterEach
    void stopApp() throws Exception {
        ChildApp.cleanUp(app, dataDir);
    }

    @Test
    void aSecondProcessOnTheDirectoryIsRefusedAndAPoliteStopKeepsEveryWrite() throws Exception {
        TestApi api = start(1);
        String key = api.newTenant().adminKey();
        var kept = api.post(key, "/contacts", fields("first_name", "Kept", "email", "kept@example.com"));
        TestApi.expect(kept, 201);

        assertThatThrownBy(() -> ChildApp.start(dataDir, "second-on-the-same-directory", Map.of()))
                .as("a second process on a data directory in use is refused in one message, no stack trace")
                .hasMessageContaining("is in use by another running Reserva process")
                .hasMessageContaining("RESERVA_DATA_DIR")
                .message()
                .doesNotContain("\tat ", "Exception");

        app.destroy(); // SIGTERM
        assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ChildApp.postmaster(dataDir))
                .as("PostgreSQL stopped with the app")
                .isEmpty();

        TestApi again = start(2);
        assertThat(again.get(key, "/contacts/" + kept.get("id")).status()).isEqualTo(200);
    }

    private TestApi start(int run) {
        ChildApp started = ChildApp.start(dataDir, "app-" + run, Map.of());
        app = started.process();
        return new TestApi(started.port());
    }
}

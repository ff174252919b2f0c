package io.reserva.users;

import static io.reserva.support.TestApi.fields;
import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import io.reserva.support.TestApi.Tenant;
import io.reserva.tenancy.BootstrapProperties;
import io.reserva.tenancy.DemoOrganizationCreated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The first start's console login for the demo organization: saved owner-only, and it signs in. */
@IntegrationTest
class DemoLoginIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DemoLogin demoLogin;

    @Autowired
    BootstrapProperties bootstrap;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoAdminSignsInWithTheSavedLogin() throws IOException {
        TestApi api = new TestApi(port);
        Tenant demo = api.newTenant();
        // Tests share one database: another test's demo (CatalogDemoIntegrationTests) may have made the account.
        jdbc.sql("delete from users where email = :email")
                .param("email", DemoLogin.EMAIL)
                .update();
        demoLogin.on(new DemoOrganizationCreated(demo.id()));

        Path file = bootstrap.file(BootstrapProperties.DEMO_LOGIN_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(DemoLogin.EMAIL);

        TestApi.Response signedIn =
                api.post(null, "/sessions", fields("email", lines.get(0), "password", lines.get(1)));
        assertThat(signedIn.status()).isEqualTo(201);
        assertThat(signedIn.get("organization_id")).isEqualTo(demo.id().toString());
        assertThat(signedIn.get("role")).isEqualTo("admin");
    }
}

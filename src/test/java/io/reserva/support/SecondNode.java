package io.reserva.support;

import io.reserva.ReservaApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second application node on the test context's database, for the tests of what two nodes do. It shares the
 * test context's data directory, so both nodes seal secrets with one key, as real nodes must
 * (docs/operations.md); it makes no demo and its rate limits do not get in a race's way. The caller closes it.
 */
public final class SecondNode {

    private SecondNode() {}

    /**
     * Starts the node with these settings besides ({@code --name=value}): arguments, since application.yaml's own
     * defaults would win over default properties.
     */
    public static ConfigurableApplicationContext start(String... settings) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--server.port=0");
        arguments.add("--reserva.data-dir=" + System.getProperty("java.io.tmpdir") + "/reserva-tests");
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(ReservaApplication.class)
                .properties(Map.of(
                        "reserva.database.embedded-ephemeral", "true",
                        "reserva.demo", "false",
                        "reserva.bootstrap-admin-key", TestApi.PLATFORM_KEY,
                        "reserva.api.rate-limit-per-key", "1000000",
                        "reserva.api.rate-limit-per-ip", "1000000"))
                .run(arguments.toArray(String[]::new));
    }

    /** The node's HTTP port. */
    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}

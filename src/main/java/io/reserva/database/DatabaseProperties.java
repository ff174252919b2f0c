package io.reserva.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Database settings ({@code RESERVA_DATABASE_*}).
 *
 * @param url an external PostgreSQL, {@code jdbc:postgresql://…} or {@code postgres://user:pass@host:port/db};
 *     empty to run the embedded server
 * @param username user for a JDBC URL that does not carry one
 * @param password password for a JDBC URL that does not carry one
 * @param poolSize connections kept open to the database
 * @param embeddedPort port of the embedded server on localhost; 0 picks a free one
 * @param embeddedEphemeral a throwaway embedded server in a temporary directory, shared by the whole JVM (tests)
 */
@ConfigurationProperties("reserva.database")
public record DatabaseProperties(
        String url,
        String username,
        String password,
        Integer poolSize,
        Integer embeddedPort,
        boolean embeddedEphemeral) {

    public DatabaseProperties {
        poolSize = poolSize == null ? 10 : poolSize;
        embeddedPort = embeddedPort == null ? 0 : embeddedPort;
    }
}

package io.reserva.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Chooses the database: {@code RESERVA_DATABASE_URL} (or Spring's {@code spring.datasource.url}) when set,
 * otherwise the embedded server, and builds the connection pool on it.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DatabaseTarget databaseTarget(
            DatabaseProperties properties, Environment environment, @Value("${reserva.data-dir}") Path dataDirectory) {
        if (StringUtils.hasText(properties.url())) {
            return DatabaseTarget.external(
                    DatabaseUrl.parse(properties.url(), properties.username(), properties.password()));
        }
        String springUrl = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(springUrl)) {
            return DatabaseTarget.external(new DatabaseUrl(
                    springUrl,
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password")));
        }
        EmbeddedPostgresServer server =
                EarlyDatabaseStart.join(properties.embeddedEphemeral(), dataDirectory, properties.embeddedPort());
        return DatabaseTarget.embedded(server);
    }

    @Bean
    DatabaseInfo databaseInfo(DatabaseTarget target) {
        return target.info();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseTarget target, DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("reserva");
        config.setJdbcUrl(target.url().jdbcUrl());
        if (target.url().username() != null) {
            config.setUsername(target.url().username());
        }
        if (target.url().password() != null) {
            config.setPassword(target.url().password());
        }
        config.setMaximumPoolSize(properties.poolSize());
        config.addDataSourceProperty("ApplicationName", "reserva");
        return new HikariDataSource(config);
    }

    /** The chosen database; closing it stops the embedded server after the pool (a bean that depends on it). */
    static final class DatabaseTarget implements AutoCloseable {
        private final DatabaseUrl url;
        private final EmbeddedPostgresServer embedded;

        private DatabaseTarget(DatabaseUrl url, EmbeddedPostgresServer embedded) {
            this.url = url;
            this.embedded = embedded;
        }

        static DatabaseTarget external(DatabaseUrl url) {
            return new DatabaseTarget(url, null);
        }

        static DatabaseTarget embedded(EmbeddedPostgresServer server) {
            return new DatabaseTarget(new DatabaseUrl(server.jdbcUrl(), null, server.password()), server);
        }

        DatabaseUrl url() {
            return url;
        }

        DatabaseInfo info() {
            return embedded != null
                    ? new DatabaseInfo(true, "embedded PostgreSQL on localhost:" + embedded.port())
                    : new DatabaseInfo(
                            false, "external PostgreSQL " + url.jdbcUrl().replaceAll("\\?.*", ""));
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
                EarlyDatabaseStart.forget(embedded);
            }
        }
    }
}

package io.reserva.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** V30 moves the JSON of events written before it into event_data without losing a byte of what they show. */
class EventDataMigrationIntegrationTests {

    @Test
    void eventsWrittenBeforeTheMigrationKeepTheirData() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            migrate(dataSource, lastVersionBefore(dataSource, "30"));
            UUID organization = UUID.randomUUID();
            jdbc.sql("""
                            insert into organizations (id, name, slug, timezone, currency, locale, created_at, updated_at)
                            values (:id, 'Old', :slug, 'Europe/Berlin', 'EUR', 'en', now(), now())
                            """)
                    .param("id", organization)
                    .param("slug", "old-" + organization)
                    .update();
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            insertOldEvent(jdbc, first, organization, "{\"id\": \"r1\", \"status\": \"held\"}", null);
            insertOldEvent(jdbc, second, organization, "{\"id\": \"r1\", \"status\": \"confirmed\"}", "{status}");

            migrate(dataSource, "latest");

            EventRepository events = new EventRepository(jdbc);
            assertThat(events.find(organization, first).orElseThrow().data())
                    .isEqualTo("{\"id\": \"r1\", \"status\": \"held\"}");
            Event updated = events.find(organization, second).orElseThrow();
            assertThat(updated.data()).isEqualTo("{\"id\": \"r1\", \"status\": \"confirmed\"}");
            assertThat(updated.changedFields()).containsExactly("status");
            assertThat(jdbc.sql("select count(*) from event_data")
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            // V30's three, and V110's (organization_id, xid, id) for the live streams' cursor.
            assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'events'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(4);
        }
    }

    private static void insertOldEvent(JdbcClient jdbc, UUID id, UUID organization, String data, String changed) {
        jdbc.sql("""
                        insert into events (id, organization_id, type, data, changed_fields, created_at)
                        values (:id, :org, 'reservation.updated', cast(:data as json), cast(:changed as text[]), now())
                        """)
                .params(Map.of("id", id, "org", organization, "data", data))
                .param("changed", changed, java.sql.Types.VARCHAR)
                .update();
    }

    /** The newest migration before {@code version}: other branches add migrations of their own. */
    private static String lastVersionBefore(DataSource dataSource, String version) {
        MigrationVersion limit = MigrationVersion.fromVersion(version);
        return Arrays.stream(Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .info()
                        .all())
                .map(MigrationInfo::getVersion)
                .filter(candidate -> candidate.compareTo(limit) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow()
                .getVersion();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }
}

package io.reserva.google;

import io.reserva.shared.SqlTypes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The feed runs, newest last. */
@Repository
class FeedRunRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedRunRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Takes the installation's feed lock for the current transaction, or answers {@code false} when another run
     * (on any node) holds it.
     */
    boolean tryLock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('reserva.google.feeds'))")
                .query(Boolean.class)
                .single());
    }

    void insert(FeedRun run) {
        jdbc.sql("""
                        insert into google_feed_runs (id, trigger, started_at, finished_at, generation_timestamp, nonce,
                            directory, merchants, services, availability_rows, availability_shards, files, skipped,
                            upload_status, upload_error)
                        values (:id, :trigger, :started, :finished, :generation, :nonce, :directory, :merchants,
                            :services, :rows, :shards, cast(:files as jsonb), cast(:skipped as jsonb), :upload, :error)
                        """)
                .param("id", run.id())
                .param("trigger", run.trigger())
                .param("started", SqlTypes.timestamptz(run.startedAt()))
                .param("finished", SqlTypes.timestamptz(run.finishedAt()))
                .param("generation", run.generationTimestamp())
                .param("nonce", run.nonce())
                .param("directory", run.directory())
                .param("merchants", run.merchants())
                .param("services", run.services())
                .param("rows", run.availabilityRows())
                .param("shards", run.availabilityShards())
                .param("files", json.writeValueAsString(run.files()))
                .param("skipped", json.writeValueAsString(run.skipped()))
                .param("upload", run.uploadStatus())
                .param("error", run.uploadError())
                .update();
    }

    Optional<FeedRun> latest() {
        return jdbc.sql("select * from google_feed_runs order by started_at desc, id limit 1")
                .query(this::map)
                .optional();
    }

    Optional<Instant> lastScheduledStart() {
        return jdbc.sql("select max(started_at) from google_feed_runs where trigger = 'schedule'")
                .query((rs, n) -> SqlTypes.instant(rs, "max"))
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    private FeedRun map(ResultSet rs, int n) throws SQLException {
        return new FeedRun(
                rs.getObject("id", UUID.class),
                rs.getString("trigger"),
                SqlTypes.instant(rs, "started_at"),
                SqlTypes.instant(rs, "finished_at"),
                rs.getLong("generation_timestamp"),
                rs.getString("nonce"),
                rs.getString("directory"),
                rs.getInt("merchants"),
                rs.getInt("services"),
                rs.getInt("availability_rows"),
                rs.getInt("availability_shards"),
                json.readValue(rs.getString("files"), STRINGS),
                json.readValue(rs.getString("skipped"), STRINGS),
                rs.getString("upload_status"),
                rs.getString("upload_error"));
    }
}

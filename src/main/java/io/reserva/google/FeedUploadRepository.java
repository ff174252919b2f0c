package io.reserva.google;

import io.reserva.shared.SqlTypes;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one SFTP account feeds go to, its password or key sealed. */
@Repository
class FeedUploadRepository {

    /** A stored setting; the secrets still sealed. */
    record StoredUpload(
            String host,
            int port,
            String username,
            String sealedPassword,
            String sealedPrivateKey,
            String hostKey,
            String remoteDirectory,
            Instant updatedAt) {}

    private final JdbcClient jdbc;

    FeedUploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUpload> find() {
        return jdbc.sql("""
                        select host, port, username, password, private_key, host_key, remote_directory, updated_at
                        from google_feed_upload
                        """)
                .query((rs, n) -> new StoredUpload(
                        rs.getString("host"),
                        rs.getInt("port"),
                        rs.getString("username"),
                        rs.getString("password"),
                        rs.getString("private_key"),
                        rs.getString("host_key"),
                        rs.getString("remote_directory"),
                        SqlTypes.instant(rs, "updated_at")))
                .optional();
    }

    void replace(StoredUpload upload) {
        jdbc.sql("""
                        insert into google_feed_upload
                            (id, host, port, username, password, private_key, host_key, remote_directory, updated_at)
                        values (true, :host, :port, :username, :password, :key, :hostKey, :dir, :now)
                        on conflict (id) do update set host = excluded.host, port = excluded.port,
                            username = excluded.username, password = excluded.password,
                            private_key = excluded.private_key, host_key = excluded.host_key,
                            remote_directory = excluded.remote_directory, updated_at = excluded.updated_at
                        """)
                .param("host", upload.host())
                .param("port", upload.port())
                .param("username", upload.username())
                .param("password", upload.sealedPassword())
                .param("key", upload.sealedPrivateKey())
                .param("hostKey", upload.hostKey())
                .param("dir", upload.remoteDirectory())
                .param("now", SqlTypes.timestamptz(upload.updatedAt()))
                .update();
    }

    boolean delete() {
        return jdbc.sql("delete from google_feed_upload").update() > 0;
    }
}

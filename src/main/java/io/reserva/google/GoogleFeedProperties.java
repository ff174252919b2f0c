package io.reserva.google;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Google's feeds (merchants, services, availability).
 *
 * @param directory where each run writes its files, one sub-directory per run ({@code <data dir>/google-feeds})
 * @param cron when the scheduled run starts, in UTC ({@code 0 30 2 * * *}, daily at 02:30; {@code -} turns the
 *     schedule off, runs on demand still work)
 * @param days how many days of availability, from the venue's today
 * @param maxPartySize the largest party size Google is told about (a service without a maximum, or a larger one)
 * @param shardRows at most this many availability rows per file; more make more shards
 * @param keepRuns how many runs' directories are kept; older ones (only those this feature wrote) are deleted
 * @param uploadTimeout connecting, authenticating and each file's transfer to the SFTP server
 */
@ConfigurationProperties("reserva.google.feeds")
public record GoogleFeedProperties(
        Path directory, String cron, int days, int maxPartySize, int shardRows, int keepRuns, Duration uploadTimeout) {

    public GoogleFeedProperties {
        directory = directory == null ? Path.of("data", "google-feeds") : directory;
        cron = cron == null || cron.isBlank() ? "0 30 2 * * *" : cron;
        days = days <= 0 ? 30 : Math.min(days, 366);
        maxPartySize = maxPartySize <= 0 ? 12 : maxPartySize;
        shardRows = shardRows <= 0 ? 100_000 : shardRows;
        keepRuns = keepRuns <= 0 ? 7 : keepRuns;
        uploadTimeout = uploadTimeout == null ? Duration.ofSeconds(60) : uploadTimeout;
    }
}

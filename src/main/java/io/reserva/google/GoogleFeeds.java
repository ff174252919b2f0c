package io.reserva.google;

import io.reserva.google.FeedGenerator.GeneratedFeeds;
import io.reserva.google.FeedUploadRepository.StoredUpload;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.ReservaException;
import io.reserva.shared.SecretCipher;
import io.reserva.tenancy.Caller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Google's feeds: generated for every enabled merchant on a schedule and on demand, written to a directory and
 * uploaded over SFTP when an upload account is configured. One run at a time across all nodes (a database lock);
 * every run is recorded with what it wrote and how its upload went. See docs/google.md.
 */
@Service
public class GoogleFeeds {

    private static final Logger log = LoggerFactory.getLogger(GoogleFeeds.class);
    private static final Pattern RUN_DIRECTORY = Pattern.compile("\\d+-\\d+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");
    private static final int DEFAULT_PORT = 19321;
    private static final int ERROR_MAX = 1_000;
    /** Another node's scheduled run this recent stands for this node's (their clocks fire at the same time). */
    private static final Duration SCHEDULE_SLACK = Duration.ofMinutes(30);

    private final FeedGenerator generator;
    private final FeedRunRepository runs;
    private final FeedUploadRepository uploads;
    private final SecretCipher cipher;
    private final GoogleFeedProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GoogleFeeds(
            FeedGenerator generator,
            FeedRunRepository runs,
            FeedUploadRepository uploads,
            SecretCipher cipher,
            GoogleFeedProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.generator = generator;
        this.runs = runs;
        this.uploads = uploads;
        this.cipher = cipher;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Generates (and uploads) the feeds now; {@code 409} while another run is under way. Platform keys only. */
    public FeedRun runNow(Caller caller) {
        caller.requirePlatform();
        return run("on_demand")
                .orElseThrow(() -> new ReservaException(
                        ErrorCode.CONFLICT, "A feed run is under way; its result will show in the status"));
    }

    @Scheduled(cron = "${reserva.google.feeds.cron:0 30 2 * * *}", zone = "UTC")
    void scheduled() {
        Instant now = clock.instant();
        Optional<Instant> last = runs.lastScheduledStart();
        if (last.isPresent() && last.get().isAfter(now.minus(SCHEDULE_SLACK))) {
            return; // another node ran this schedule
        }
        try {
            run("schedule");
        } catch (RuntimeException e) {
            log.error("The scheduled Google feed run failed", e);
        }
    }

    /** The last run, if any. */
    public Optional<FeedRun> lastRun() {
        return runs.latest();
    }

    private Optional<FeedRun> run(String trigger) {
        return transaction.execute(status -> {
            if (!runs.tryLock()) {
                return Optional.empty();
            }
            Instant started = clock.instant().truncatedTo(ChronoUnit.MICROS);
            GeneratedFeeds feeds = generator.generate(started);
            String uploadStatus = "not_configured";
            String uploadError = null;
            Optional<StoredUpload> upload = uploads.find();
            if (upload.isPresent()) {
                try {
                    List<Path> files = feeds.files().stream()
                            .map(feeds.directory()::resolve)
                            .toList();
                    SftpUploader.upload(account(upload.get()), files, properties.uploadTimeout());
                    uploadStatus = "succeeded";
                } catch (IOException | RuntimeException e) {
                    uploadStatus = "failed";
                    uploadError = describe(e);
                    log.warn("Uploading the Google feeds failed: {}", uploadError);
                }
            }
            FeedRun run = new FeedRun(
                    Ids.newId(),
                    trigger,
                    started,
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    feeds.generationTimestamp(),
                    feeds.nonce(),
                    feeds.directory().toAbsolutePath().toString(),
                    feeds.merchants(),
                    feeds.services(),
                    feeds.availabilityRows(),
                    feeds.availabilityShards(),
                    feeds.files(),
                    feeds.skipped(),
                    uploadStatus,
                    uploadError);
            runs.insert(run);
            prune(feeds.directory());
            return Optional.of(run);
        });
    }

    private SftpUploader.Account account(StoredUpload upload) {
        return new SftpUploader.Account(
                upload.host(),
                upload.port(),
                upload.username(),
                upload.sealedPassword() == null
                        ? null
                        : cipher.open(upload.sealedPassword(), "google_feed_upload.password"),
                upload.sealedPrivateKey() == null
                        ? null
                        : cipher.open(upload.sealedPrivateKey(), "google_feed_upload.private_key"),
                SftpUploader.hostKey(upload.hostKey()),
                upload.remoteDirectory());
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e; cause != null && text.length() < ERROR_MAX; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            text.append(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
        return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) : text.toString();
    }

    /** Deletes the oldest run directories beyond {@code keep_runs}: only directories named as runs name theirs. */
    private void prune(Path current) {
        Path parent = current.getParent();
        try (Stream<Path> children = Files.list(parent)) {
            List<Path> runDirectories = children.filter(Files::isDirectory)
                    .filter(p ->
                            RUN_DIRECTORY.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingLong((Path p) ->
                            Long.parseLong(p.getFileName().toString().split("-")[0])))
                    .toList();
            for (int i = 0; i < runDirectories.size() - properties.keepRuns(); i++) {
                Path old = runDirectories.get(i);
                if (old.equals(current)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(old)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(old);
            }
        } catch (IOException e) {
            log.warn("Could not delete old Google feed runs under {}", parent, e);
        }
    }

    // ---- the upload account --------------------------------------------------------------------------------------

    /** The upload account, never its secret; {@code 404} when none is configured. Platform keys only. */
    public FeedUpload upload(Caller caller) {
        caller.requirePlatform();
        return uploads.find()
                .map(GoogleFeeds::shown)
                .orElseThrow(() -> new ReservaException(
                        ErrorCode.NOT_FOUND, "No feed upload is configured; feeds are only written locally"));
    }

    /** Replaces the upload account after checking every field; the secret is stored sealed. */
    public FeedUpload replaceUpload(Caller caller, FeedUploadSettings settings) {
        caller.requirePlatform();
        List<FieldError> errors = new ArrayList<>();
        String host = settings.host() == null ? null : settings.host().strip();
        if (host == null || host.isEmpty()) {
            errors.add(new FieldError("host", "is required"));
        } else if (!HOST.matcher(host).matches()) {
            errors.add(new FieldError("host", "must be a host name or an IP address"));
        }
        int port = settings.port() == null ? DEFAULT_PORT : settings.port();
        if (port < 1 || port > 65535) {
            errors.add(new FieldError("port", "must be 1 to 65535"));
        }
        String username = settings.username();
        if (username == null || username.isBlank()) {
            errors.add(new FieldError("username", "is required"));
        } else if (username.length() > 200) {
            errors.add(new FieldError("username", "must be at most 200 characters"));
        }
        boolean hasPassword =
                settings.password() != null && !settings.password().isEmpty();
        boolean hasKey = settings.privateKey() != null && !settings.privateKey().isBlank();
        if (hasPassword == hasKey) {
            errors.add(new FieldError("password", "exactly one of password and private_key is required"));
        } else if (hasKey) {
            try {
                SftpUploader.keyPairs(settings.privateKey());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("private_key", e.getMessage()));
            }
        }
        if (settings.hostKey() == null || settings.hostKey().isBlank()) {
            errors.add(new FieldError("host_key", "is required: the upload trusts no other server"));
        } else {
            try {
                SftpUploader.hostKey(settings.hostKey());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("host_key", e.getMessage()));
            }
        }
        String directory = settings.remoteDirectory() == null
                ? ""
                : settings.remoteDirectory().strip();
        if (directory.length() > 1_000) {
            errors.add(new FieldError("remote_directory", "must be at most 1000 characters"));
        }
        ReservaException.throwIfAny(errors);
        StoredUpload stored = new StoredUpload(
                host,
                port,
                username,
                hasPassword ? cipher.seal(settings.password(), "google_feed_upload.password") : null,
                hasKey ? cipher.seal(settings.privateKey(), "google_feed_upload.private_key") : null,
                settings.hostKey().strip(),
                directory,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        uploads.replace(stored);
        return shown(stored);
    }

    /** Stops uploading (feeds are still written locally). */
    public void deleteUpload(Caller caller) {
        caller.requirePlatform();
        if (!uploads.delete()) {
            throw new ReservaException(ErrorCode.NOT_FOUND, "No feed upload is configured");
        }
    }

    private static FeedUpload shown(StoredUpload stored) {
        PublicKey key = SftpUploader.hostKey(stored.hostKey());
        return new FeedUpload(
                stored.host(),
                stored.port(),
                stored.username(),
                stored.sealedPassword() != null ? "password" : "private_key",
                KeyUtils.getFingerPrint(key),
                stored.remoteDirectory(),
                stored.updatedAt());
    }
}

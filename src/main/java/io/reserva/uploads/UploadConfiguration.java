package io.reserva.uploads;

import io.reserva.shared.Secrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the upload backend from {@code RESERVA_UPLOADS_BACKEND}. */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    static final int MIN_KEY_LENGTH = 32;

    @Bean
    UploadBackend uploadBackend(
            UploadProperties properties, @Value("${reserva.data-dir}") Path dataDirectory, Clock clock) {
        if (properties.isLocal()) {
            return localUploads(properties, dataDirectory, clock);
        }
        return new S3Uploads(properties.s3(), clock);
    }

    /** The local store, also when the s3 backend signs: its PUT endpoint then simply has nothing to accept. */
    static LocalUploads localUploads(UploadProperties properties, Path dataDirectory, Clock clock) {
        Path root = dataDirectory.resolve("uploads");
        return new LocalUploads(root, signingKey(properties, dataDirectory), clock);
    }

    /**
     * The HMAC key: the setting, or a random key generated on first use and kept (mode 600) beside the data, so
     * every node sharing the data directory and every restart signs alike. Nodes that do not share a disk
     * need the setting.
     */
    static byte[] signingKey(UploadProperties properties, Path dataDirectory) {
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            if (properties.signingKey().length() < MIN_KEY_LENGTH) {
                throw new IllegalArgumentException(
                        "RESERVA_UPLOADS_SIGNING_KEY must be at least " + MIN_KEY_LENGTH + " characters");
            }
            return properties.signingKey().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDirectory.resolve("uploads-signing.key");
        try {
            Files.createDirectories(dataDirectory);
            if (!Files.exists(file)) {
                try {
                    Files.writeString(Secrets.createOwnerOnlyFile(file), Secrets.newSecret(""));
                } catch (FileAlreadyExistsException raced) {
                    // another node of the same data directory wrote it first
                }
            }
            String key = Files.readString(file).strip();
            if (key.length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException(file + " holds no usable signing key; delete it to generate one");
            }
            return key.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the upload signing key " + file, e);
        }
    }
}

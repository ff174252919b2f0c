package io.reserva.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.bookingpages.BookingPageProperties;
import io.reserva.support.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload settings: a safe default for everything, a clear refusal of what cannot work. */
class UploadConfigurationTests {

    @TempDir
    Path data;

    @Test
    void theSigningKeyIsGeneratedOnceReadableOnlyByTheOwnerAndKept() throws Exception {
        UploadProperties defaults = new UploadProperties(null, null, null, null, null);
        assertThat(defaults.isLocal()).isTrue();
        assertThat(defaults.urlTtl()).isEqualTo(Duration.ofMinutes(15));
        byte[] first = UploadConfiguration.signingKey(defaults, data);
        byte[] second = UploadConfiguration.signingKey(defaults, data);
        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("uploads-signing.key"))))
                .isEqualTo("rw-------");
        UploadProperties configured =
                new UploadProperties("local", "a-configured-signing-key-of-40-characters", null, null, null);
        assertThat(new String(UploadConfiguration.signingKey(configured, data)))
                .isEqualTo("a-configured-signing-key-of-40-characters");
    }

    @Test
    void settingsThatCannotWorkStopTheStart() {
        assertThatThrownBy(() -> new UploadProperties("ftp", null, null, null, null))
                .hasMessageContaining("RESERVA_UPLOADS_BACKEND");
        assertThatThrownBy(() -> new UploadProperties(null, null, null, Duration.ofDays(8), null))
                .hasMessageContaining("RESERVA_UPLOADS_URL_TTL");
        assertThatThrownBy(() ->
                        UploadConfiguration.signingKey(new UploadProperties(null, "short", null, null, null), data))
                .hasMessageContaining("RESERVA_UPLOADS_SIGNING_KEY");
        UploadProperties s3WithoutBucket = new UploadProperties("s3", null, null, null, null);
        assertThatThrownBy(() ->
                        new UploadConfiguration().uploadBackend(s3WithoutBucket, data, new MutableClock(Instant.now())))
                .hasMessageContaining("RESERVA_UPLOADS_S3_BUCKET");
        assertThatThrownBy(() -> new BookingPageProperties(31)).hasMessageContaining("hold-minutes");
        assertThat(new BookingPageProperties(null).holdMinutes()).isEqualTo(10);
    }
}

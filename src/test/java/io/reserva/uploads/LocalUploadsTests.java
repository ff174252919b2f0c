package io.reserva.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.support.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local backend's signed PUT: only what was signed, only in time, only real images of at most 5 MB. */
class LocalUploadsTests {

    @TempDir
    Path root;

    MutableClock clock = new MutableClock(Instant.parse("2027-03-28T10:00:00Z"));
    LocalUploads uploads;
    String key;

    @BeforeEach
    void setUp() {
        uploads =
                new LocalUploads(root, "a-test-signing-key-of-32-characters!".getBytes(StandardCharsets.UTF_8), clock);
        key = UUID.randomUUID() + "/booking-link-logo/" + UUID.randomUUID() + ".png";
    }

    @Test
    void aSignedUploadIsStoredAndFoundWithItsContentType() throws IOException {
        Map<String, String> query = signed(ImageFormat.PNG);
        byte[] image = Images.png(2048);
        put(query, "image/png", image);
        LocalUploads.StoredFile stored = uploads.find(key).orElseThrow();
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(image);
    }

    @Test
    void jpegAndWebpAreAccepted() throws IOException {
        String jpegKey = key.replace(".png", ".jpg");
        SignedUpload jpeg = uploads.sign(jpegKey, ImageFormat.JPEG, null, in(Duration.ofMinutes(5)), "http://x");
        Map<String, String> q = query(jpeg.signedUrl());
        uploads.store(
                jpegKey,
                q.get("content_type"),
                q.get("expires"),
                q.get("signature"),
                "image/jpeg",
                -1,
                new ByteArrayInputStream(Images.jpeg(100)));
        String webpKey = key.replace(".png", ".webp");
        SignedUpload webp = uploads.sign(webpKey, ImageFormat.WEBP, null, in(Duration.ofMinutes(5)), "http://x");
        q = query(webp.signedUrl());
        uploads.store(
                webpKey,
                q.get("content_type"),
                q.get("expires"),
                q.get("signature"),
                "image/webp",
                -1,
                new ByteArrayInputStream(Images.webp(100)));
        assertThat(uploads.find(jpegKey)).isPresent();
        assertThat(uploads.find(webpKey).orElseThrow().contentType()).isEqualTo("image/webp");
    }

    @Test
    void aTamperedSignatureKeyOrTypeIsRefused() {
        Map<String, String> query = signed(ImageFormat.PNG);
        String tampered = query.get("signature").substring(1) + "A";
        assertRefused(
                () -> uploads.store(key, "image/png", query.get("expires"), tampered, "image/png", -1, body()),
                ErrorCode.INVALID_SIGNATURE);
        String otherKey = UUID.randomUUID() + "/booking-link-logo/" + UUID.randomUUID() + ".png";
        assertRefused(
                () -> uploads.store(
                        otherKey, "image/png", query.get("expires"), query.get("signature"), "image/png", -1, body()),
                ErrorCode.INVALID_SIGNATURE);
        long later = Long.parseLong(query.get("expires")) + 3600;
        assertRefused(
                () -> uploads.store(
                        key, "image/png", Long.toString(later), query.get("signature"), "image/png", -1, body()),
                ErrorCode.INVALID_SIGNATURE);
        assertRefused(
                () -> uploads.store(
                        key, "image/webp", query.get("expires"), query.get("signature"), "image/webp", -1, body()),
                ErrorCode.INVALID_SIGNATURE);
        assertRefused(
                () -> uploads.store(
                        "../../etc/passwd",
                        "image/png",
                        query.get("expires"),
                        query.get("signature"),
                        "image/png",
                        -1,
                        body()),
                ErrorCode.INVALID_SIGNATURE);
        assertThat(uploads.find(key)).isEmpty();
    }

    @Test
    void anExpiredSignatureIsRefused() {
        Map<String, String> query = signed(ImageFormat.PNG);
        clock.advance(Duration.ofMinutes(16));
        assertRefused(() -> put(query, "image/png", Images.png(100)), ErrorCode.INVALID_SIGNATURE);
        assertThat(uploads.find(key)).isEmpty();
    }

    @Test
    void anotherContentTypeOrBytesOfAnotherFormatAreRefusedAndNothingIsStored() {
        Map<String, String> query = signed(ImageFormat.PNG);
        assertRefused(() -> put(query, "image/jpeg", Images.png(100)), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(() -> put(query, "image/png", Images.gif()), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(() -> put(query, "image/png", Images.jpeg(100)), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(() -> put(query, "image/png", new byte[0]), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(uploads.find(key)).isEmpty();
        assertThat(leftovers()).isZero();
    }

    @Test
    void aFileThatOnlyStartsLikeAnImageIsRefused() {
        Map<String, String> query = signed(ImageFormat.PNG);
        assertRefused(() -> put(query, "image/png", Images.pngSignatureOnly()), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertRefused(() -> put(query, "image/png", Images.pngWithBrokenHeader()), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(uploads.find(key)).isEmpty();
        assertThat(leftovers()).isZero();
    }

    @Test
    void fiveMegabytesAreAcceptedAndOneByteMoreIsNot() throws IOException {
        Map<String, String> query = signed(ImageFormat.PNG);
        int max = (int) ImageFormat.MAX_BYTES;
        assertRefused(
                () -> uploads.store(
                        key,
                        "image/png",
                        query.get("expires"),
                        query.get("signature"),
                        "image/png",
                        -1,
                        new ByteArrayInputStream(Images.png(max + 1))),
                ErrorCode.PAYLOAD_TOO_LARGE);
        assertRefused(
                () -> uploads.store(
                        key,
                        "image/png",
                        query.get("expires"),
                        query.get("signature"),
                        "image/png",
                        max + 1,
                        new ByteArrayInputStream(Images.png(10))),
                ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(uploads.find(key)).isEmpty();
        assertThat(leftovers()).isZero();
        put(query, "image/png", Images.png(max));
        assertThat(Files.size(uploads.find(key).orElseThrow().path())).isEqualTo(max);
    }

    private Map<String, String> signed(ImageFormat format) {
        SignedUpload signed = uploads.sign(key, format, null, in(Duration.ofMinutes(15)), "https://book.example.com");
        assertThat(signed.publicUrl()).isEqualTo("https://book.example.com/uploads/" + key);
        assertThat(signed.signedUrl()).startsWith(signed.publicUrl() + "?");
        assertThat(signed.headers()).containsEntry("Content-Type", format.contentType());
        return query(signed.signedUrl());
    }

    private void put(Map<String, String> query, String contentType, byte[] body) throws IOException {
        uploads.store(
                key,
                query.get("content_type"),
                query.get("expires"),
                query.get("signature"),
                contentType,
                body.length,
                new ByteArrayInputStream(body));
    }

    private Instant in(Duration duration) {
        return clock.instant().plus(duration);
    }

    private long leftovers() {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ByteArrayInputStream body() {
        return new ByteArrayInputStream(Images.png(100));
    }

    static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(parts[0], java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    interface Upload {
        void run() throws IOException;
    }

    private static void assertRefused(Upload upload, ErrorCode code) {
        assertThatThrownBy(upload::run)
                .isInstanceOfSatisfying(
                        ReservaException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}

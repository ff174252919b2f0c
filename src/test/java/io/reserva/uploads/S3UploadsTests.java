package io.reserva.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The s3 backend signs with the AWS SDK's presigner, locally, without an HTTP client: a SigV4 presigned PUT for the
 * bucket and key, with the content type (and the size, when given) among the signed headers.
 */
class S3UploadsTests {

    static final String KEY =
            "0192f3c4-0000-7f80-9a1b-2c3d4e5f6a7b/booking-link-logo/" + "0192f3c5-1111-7f80-9a1b-2c3d4e5f6a7b.png";

    MutableClock clock = new MutableClock(Instant.now());

    @Test
    void awsVirtualHostedUrls() {
        try (S3Uploads s3 = new S3Uploads(
                new UploadProperties.S3("reserva-images", "eu-west-1", null, false, "AKIDEXAMPLE", "secret", null),
                clock)) {
            SignedUpload signed =
                    s3.sign(KEY, ImageFormat.PNG, null, clock.instant().plus(Duration.ofMinutes(15)), "");
            URI url = URI.create(signed.signedUrl());
            assertThat(url.getScheme()).isEqualTo("https");
            assertThat(url.getHost()).isEqualTo("reserva-images.s3.eu-west-1.amazonaws.com");
            assertThat(url.getPath()).isEqualTo("/" + KEY);
            Map<String, String> query = LocalUploadsTests.query(signed.signedUrl());
            assertThat(query.get("X-Amz-Algorithm")).isEqualTo("AWS4-HMAC-SHA256");
            assertThat(query.get("X-Amz-Credential")).startsWith("AKIDEXAMPLE/").endsWith("/eu-west-1/s3/aws4_request");
            assertThat(query.get("X-Amz-Expires")).isIn("899", "900");
            assertThat(query.get("X-Amz-SignedHeaders"))
                    .contains("content-type")
                    .contains("host");
            assertThat(query.get("X-Amz-Signature")).matches("[0-9a-f]{64}");
            assertThat(signed.method()).isEqualTo("PUT");
            assertThat(signed.headers())
                    .containsEntry("Content-Type", "image/png")
                    .doesNotContainKey("Host");
            assertThat(signed.publicUrl()).isEqualTo("https://reserva-images.s3.eu-west-1.amazonaws.com/" + KEY);
            assertThat(SigV4.signatureOf(signed, "secret", "eu-west-1")).isEqualTo(query.get("X-Amz-Signature"));
        }
    }

    @Test
    void pathStyleUrlsOfAnS3CompatibleStoreWithTheSizeSigned() {
        try (S3Uploads s3 = new S3Uploads(
                new UploadProperties.S3(
                        "images", "us-east-1", "http://localhost:9000", true, "minio", "minio-secret", null),
                clock)) {
            SignedUpload signed =
                    s3.sign(KEY, ImageFormat.WEBP, 48_213L, clock.instant().plus(Duration.ofMinutes(15)), "");
            URI url = URI.create(signed.signedUrl());
            assertThat(url.getHost()).isEqualTo("localhost");
            assertThat(url.getPort()).isEqualTo(9000);
            assertThat(url.getPath()).isEqualTo("/images/" + KEY);
            Map<String, String> query = LocalUploadsTests.query(signed.signedUrl());
            assertThat(query.get("X-Amz-SignedHeaders")).contains("content-length");
            assertThat(signed.headers())
                    .containsEntry("Content-Type", "image/webp")
                    .containsEntry("Content-Length", "48213");
            assertThat(signed.publicUrl()).isEqualTo("http://localhost:9000/images/" + KEY);
            assertThat(SigV4.signatureOf(signed, "minio-secret", "us-east-1"))
                    .as("recomputed from the AWS Signature Version 4 rules")
                    .isEqualTo(query.get("X-Amz-Signature"));
            Map<String, String> otherType = new java.util.LinkedHashMap<>(signed.headers());
            otherType.put("Content-Type", "image/png");
            assertThat(SigV4.signatureOf(
                            new SignedUpload(
                                    signed.signedUrl(), "PUT", otherType, signed.publicUrl(), signed.expiresAt()),
                            "minio-secret",
                            "us-east-1"))
                    .as("a PUT with another content type does not match the signature")
                    .isNotEqualTo(query.get("X-Amz-Signature"));
        }
    }

    @Test
    void aPublicBaseUrlSuchAsACdnNamesWhereFilesAreRead() {
        try (S3Uploads s3 = new S3Uploads(
                new UploadProperties.S3(
                        "images",
                        "auto",
                        "https://abc.r2.cloudflarestorage.com",
                        false,
                        "k",
                        "s",
                        "https://cdn.example.com/"),
                clock)) {
            SignedUpload signed =
                    s3.sign(KEY, ImageFormat.JPEG, null, clock.instant().plus(Duration.ofMinutes(5)), "");
            assertThat(URI.create(signed.signedUrl()).getHost()).isEqualTo("images.abc.r2.cloudflarestorage.com");
            assertThat(signed.publicUrl()).isEqualTo("https://cdn.example.com/" + KEY);
        }
    }
}

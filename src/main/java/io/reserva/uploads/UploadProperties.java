package io.reserva.uploads;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Upload settings ({@code RESERVA_UPLOADS_*}).
 *
 * @param backend {@code local} (this server stores and serves the files) or {@code s3}
 * @param signingKey the HMAC key of local signed URLs; empty: generated once and kept in the data directory
 * @param publicBaseUrl how clients reach this server, e.g. {@code https://book.example.com}; empty: from the request
 * @param urlTtl how long a signed URL stays valid
 * @param s3 the bucket and credentials of the s3 backend
 */
@ConfigurationProperties("reserva.uploads")
public record UploadProperties(String backend, String signingKey, String publicBaseUrl, Duration urlTtl, S3 s3) {

    public UploadProperties {
        backend = backend == null || backend.isBlank() ? "local" : backend.strip();
        if (!backend.equals("local") && !backend.equals("s3")) {
            throw new IllegalArgumentException("RESERVA_UPLOADS_BACKEND must be local or s3, got " + backend);
        }
        urlTtl = urlTtl == null ? Duration.ofMinutes(15) : urlTtl;
        if (urlTtl.isNegative() || urlTtl.isZero() || urlTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("RESERVA_UPLOADS_URL_TTL must be positive and at most 7 days");
        }
        s3 = s3 == null ? new S3(null, null, null, false, null, null, null) : s3;
    }

    boolean isLocal() {
        return backend.equals("local");
    }

    /**
     * @param bucket the bucket
     * @param region its region (S3-compatible stores usually accept us-east-1)
     * @param endpoint the store's URL for S3-compatible stores (MinIO, R2, ...); empty: AWS
     * @param pathStyle {@code https://endpoint/bucket/key} instead of {@code https://bucket.endpoint/key}
     * @param accessKeyId with secretAccessKey; empty: the AWS default chain (environment, profile, instance role)
     * @param secretAccessKey the secret of accessKeyId
     * @param publicBaseUrl where the stored objects are read, e.g. a CDN; empty: the bucket's own URL
     */
    public record S3(
            String bucket,
            String region,
            String endpoint,
            boolean pathStyle,
            String accessKeyId,
            String secretAccessKey,
            String publicBaseUrl) {}
}

package io.reserva.uploads;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;

/**
 * The s3 backend: presigned PUT URLs (AWS Signature Version 4) for AWS S3 or an S3-compatible store. The presigner
 * signs locally and needs no HTTP client, so the SDK's HTTP clients are left out of the build; the server never
 * talks to the store itself. The content type is signed, and the size too when the client gave it.
 */
class S3Uploads implements UploadBackend, AutoCloseable {

    private final S3Presigner presigner;
    private final UploadProperties.S3 settings;
    private final Clock clock;

    S3Uploads(UploadProperties.S3 settings, Clock clock) {
        this.clock = clock;
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalArgumentException("RESERVA_UPLOADS_S3_BUCKET is required with RESERVA_UPLOADS_BACKEND=s3");
        }
        this.settings = settings;
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(Region.of(blank(settings.region()) ? "us-east-1" : settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        if (!blank(settings.endpoint())) {
            builder.endpointOverride(URI.create(settings.endpoint()));
        }
        this.presigner = builder.build();
    }

    @Override
    public SignedUpload sign(String key, ImageFormat format, Long fileSize, Instant expiresAt, String baseUrl) {
        PutObjectRequest.Builder object =
                PutObjectRequest.builder().bucket(settings.bucket()).key(key).contentType(format.contentType());
        if (fileSize != null) {
            object.contentLength(fileSize);
        }
        PresignedPutObjectRequest presigned = presigner.presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(Duration.between(clock.instant(), expiresAt))
                .putObjectRequest(object.build())
                .build());
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            // The client's HTTP library sets Host from the URL itself.
            if (!name.equalsIgnoreCase("host")) {
                headers.put(canonical(name), String.join(",", values));
            }
        });
        return new SignedUpload(presigned.url().toString(), "PUT", headers, publicUrl(key), presigned.expiration());
    }

    private String publicUrl(String key) {
        if (!blank(settings.publicBaseUrl())) {
            return strip(settings.publicBaseUrl()) + "/" + key;
        }
        if (!blank(settings.endpoint())) {
            String endpoint = strip(settings.endpoint());
            if (settings.pathStyle()) {
                return endpoint + "/" + settings.bucket() + "/" + key;
            }
            URI uri = URI.create(endpoint);
            return uri.getScheme() + "://" + settings.bucket() + "." + uri.getAuthority() + "/" + key;
        }
        String region = blank(settings.region()) ? "us-east-1" : settings.region();
        return "https://" + settings.bucket() + ".s3." + region + ".amazonaws.com/" + key;
    }

    private static AwsCredentialsProvider credentials(UploadProperties.S3 settings) {
        if (!blank(settings.accessKeyId())) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String canonical(String header) {
        return List.of("content-type", "content-length").contains(header.toLowerCase(Locale.ROOT))
                ? header.equalsIgnoreCase("content-type") ? "Content-Type" : "Content-Length"
                : header;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public void close() {
        presigner.close();
    }
}

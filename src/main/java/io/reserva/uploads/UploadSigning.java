package io.reserva.uploads;

import io.reserva.shared.FieldError;
import io.reserva.shared.Ids;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.OrganizationManagement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * {@code POST /s3-url-signing}: checks what the client means to upload (an image of an accepted type, at most 5
 * MB, for a known purpose) and signs a PUT of it under a fresh key in the caller's organization.
 */
@Service
public class UploadSigning {

    private static final int FILE_NAME_MAX = 255;

    private final UploadBackend backend;
    private final OrganizationManagement organizations;
    private final UploadProperties properties;
    private final Clock clock;

    UploadSigning(
            UploadBackend backend, OrganizationManagement organizations, UploadProperties properties, Clock clock) {
        this.backend = backend;
        this.organizations = organizations;
        this.properties = properties;
        this.clock = clock;
    }

    /** The local store, when this server keeps the uploads itself (RESERVA_UPLOADS_BACKEND=local). */
    public Optional<LocalUploads> localStore() {
        return backend instanceof LocalUploads local ? Optional.of(local) : Optional.empty();
    }

    public SignedUpload sign(Caller caller, UploadRequest request, String requestBaseUrl) {
        UUID organizationId = organizations
                .get(caller, caller.organizationFor(request.organizationId()))
                .id();
        List<FieldError> errors = new ArrayList<>();
        if (request.type() == null) {
            errors.add(new FieldError(
                    "type", "is required: reservation-service-image, booking-link-logo or booking-link-cover"));
        }
        Optional<ImageFormat> format = Optional.empty();
        if (request.contentType() == null || request.contentType().isBlank()) {
            errors.add(new FieldError("content_type", "is required: image/png, image/jpeg or image/webp"));
        } else {
            format = ImageFormat.ofContentType(request.contentType().strip());
            if (format.isEmpty()) {
                errors.add(new FieldError("content_type", "must be image/png, image/jpeg or image/webp"));
            }
        }
        if (request.fileName() == null || request.fileName().isBlank()) {
            errors.add(new FieldError("file_name", "is required"));
        } else if (request.fileName().length() > FILE_NAME_MAX) {
            errors.add(new FieldError("file_name", "must be at most " + FILE_NAME_MAX + " characters"));
        } else if (format.isPresent() && !extensionFits(request.fileName(), format.get())) {
            errors.add(new FieldError(
                    "file_name", "must end in an extension of " + format.get().contentType() + ", or have none"));
        }
        if (request.fileSize() != null && (request.fileSize() < 1 || request.fileSize() > ImageFormat.MAX_BYTES)) {
            errors.add(new FieldError("file_size", "must be 1 to " + ImageFormat.MAX_BYTES + " bytes (5 MB)"));
        }
        ReservaException.throwIfAny(errors);
        String key = organizationId + "/" + request.type().wire() + "/" + Ids.newId() + "."
                + format.get().extension();
        Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(properties.urlTtl());
        String base =
                properties.publicBaseUrl() == null || properties.publicBaseUrl().isBlank()
                        ? requestBaseUrl
                        : properties.publicBaseUrl().strip();
        return backend.sign(key, format.get(), request.fileSize(), expiresAt, stripSlash(base));
    }

    private static boolean extensionFits(String fileName, ImageFormat format) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return true;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (format) {
            case PNG -> extension.equals("png");
            case JPEG -> extension.equals("jpg") || extension.equals("jpeg");
            case WEBP -> extension.equals("webp");
        };
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

package io.reserva.uploads.web;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.PublicEndpoint;
import io.reserva.uploads.LocalUploads;
import io.reserva.uploads.UploadSigning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local upload backend's two ends: the signed PUT (no API key: the signature is the permission) and the
 * public GET of stored images. Both answer 404 when another backend is configured.
 */
@RestController
@PublicEndpoint
@Tag(name = "Uploads")
class LocalUploadController {

    private static final String PATH = "/uploads/{organization_id}/{type}/{file_name}";

    private final UploadSigning signing;

    LocalUploadController(UploadSigning signing) {
        this.signing = signing;
    }

    @PutMapping(PATH)
    @Operation(
            summary = "Upload a file to a signed_url of the local backend",
            description = "The body is the file's bytes, sent with the signed Content-Type. A tampered or expired"
                    + " signature is 403 invalid_signature; another Content-Type or bytes that are not that image"
                    + " type are 415; more than 5 MB is 413. Nothing is stored unless the whole upload is good.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content = {
                                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = "image/jpeg",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary"))
                            }))
    ResponseEntity<Void> put(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String type,
            @PathVariable("file_name") String fileName,
            @Parameter(description = "As signed") @RequestParam(name = "content_type", required = false)
                    String signedContentType,
            @Parameter(description = "As signed, epoch seconds") @RequestParam(name = "expires", required = false)
                    String expires,
            @Parameter(description = "As signed") @RequestParam(name = "signature", required = false) String signature,
            HttpServletRequest request)
            throws IOException {
        LocalUploads store = local();
        store.store(
                organizationId + "/" + type + "/" + fileName,
                signedContentType,
                expires,
                signature,
                request.getContentType(),
                request.getContentLengthLong(),
                request.getInputStream());
        return ResponseEntity.status(HttpStatus.OK).build();
    }

    @GetMapping(PATH)
    @Operation(summary = "An uploaded image, as stored (public)")
    ResponseEntity<Resource> get(
            @PathVariable("organization_id") String organizationId,
            @PathVariable String type,
            @PathVariable("file_name") String fileName) {
        LocalUploads.StoredFile file = local().find(organizationId + "/" + type + "/" + fileName)
                .orElseThrow(() -> new ReservaException(ErrorCode.NOT_FOUND, "There is no such upload"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new FileSystemResource(file.path()));
    }

    private LocalUploads local() {
        return signing.localStore()
                .orElseThrow(() -> new ReservaException(ErrorCode.NOT_FOUND, "Uploads are not stored on this server"));
    }
}

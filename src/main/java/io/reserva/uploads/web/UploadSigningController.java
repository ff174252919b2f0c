package io.reserva.uploads.web;

import io.reserva.tenancy.Caller;
import io.reserva.uploads.SignedUpload;
import io.reserva.uploads.UploadRequest;
import io.reserva.uploads.UploadSigning;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "Uploads", description = "Signed URLs for images: service pictures, booking page logos and covers")
class UploadSigningController {

    private final UploadSigning signing;

    UploadSigningController(UploadSigning signing) {
        this.signing = signing;
    }

    @PostMapping("/s3-url-signing")
    @Operation(
            summary = "Sign a PUT of an image (PNG, JPEG or WebP, at most 5 MB)",
            description = "PUT the file to signed_url with the headers given, before expires_at; then store"
                    + " public_url as the service's image_url or the booking link's page_config.logo_url or"
                    + " cover_url. With the local backend this server stores and serves the file; with the s3"
                    + " backend the URL is a presigned S3 URL.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = UploadRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "logo",
                                                            value =
                                                                    "{\"type\": \"booking-link-logo\", \"file_name\": \"logo.png\","
                                                                            + " \"content_type\": \"image/png\"}"))))
    SignedUpload sign(Caller caller, @RequestBody UploadRequest request) {
        return signing.sign(
                caller,
                request,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }
}

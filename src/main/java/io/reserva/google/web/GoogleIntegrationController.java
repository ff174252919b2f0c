package io.reserva.google.web;

import io.reserva.google.FeedRun;
import io.reserva.google.FeedUpload;
import io.reserva.google.FeedUploadSettings;
import io.reserva.google.GoogleFeeds;
import io.reserva.google.GoogleIntegration;
import io.reserva.google.GoogleIntegrationManagement;
import io.reserva.google.GoogleIntegrationSettings;
import io.reserva.google.GoogleIntegrationStatus;
import io.reserva.google.GoogleStatus;
import io.reserva.google.IssuedPartnerCredential;
import io.reserva.google.NewPartnerCredential;
import io.reserva.google.PartnerCredential;
import io.reserva.google.PartnerCredentials;
import io.reserva.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/google-integration")
@Tag(
        name = "Google integration",
        description = "How an organization appears on Google (Reserve with Google / Actions Center), and the"
                + " partner credentials Google's booking server calls carry")
class GoogleIntegrationController {

    static final String EXAMPLE = """
            {"merchant_id": "merchant-1234", "enabled": true,
             "service_mappings": [{"google_service_id": "dinner", "service_id": "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b"}]}
            """;

    private final GoogleIntegrationManagement management;
    private final PartnerCredentials credentials;
    private final GoogleFeeds feeds;
    private final GoogleStatus status;

    GoogleIntegrationController(
            GoogleIntegrationManagement management,
            PartnerCredentials credentials,
            GoogleFeeds feeds,
            GoogleStatus status) {
        this.management = management;
        this.credentials = credentials;
        this.feeds = feeds;
        this.status = status;
    }

    @GetMapping("/status")
    @Operation(
            summary = "How the Google channel is doing: the last feed run, the latest real-time updates, the last"
                    + " requests Google made",
            description = "Admin keys: their organization's real-time updates and the last feed run without other"
                    + " merchants' details. Platform keys without organization_id: the whole installation, with the"
                    + " last requests Google made to this node (kept in memory, per node)")
    GoogleIntegrationStatus status(
            Caller caller,
            @Parameter(description = "Platform keys may name an organization")
                    @RequestParam(name = "organization_id", required = false)
                    UUID organizationId) {
        return status.status(caller, organizationId);
    }

    @GetMapping
    @Operation(summary = "The organization's Google setting (admin keys); 404 until one is written")
    GoogleIntegration get(
            Caller caller,
            @Parameter(description = "Platform keys name the organization")
                    @RequestParam(name = "organization_id", required = false)
                    UUID organizationId) {
        return management.get(caller, organizationId);
    }

    @PutMapping
    @Operation(
            summary = "Write the organization's Google setting as a whole",
            description = "merchant_id is unique across the installation (409 conflict naming merchant_id when"
                    + " another organization has it); every service_id must be one of the organization's services"
                    + " (422 naming service_mappings[i].service_id); a Google service id at most once",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = GoogleIntegrationSettings.class),
                                            examples = @ExampleObject(name = "one service", value = EXAMPLE))))
    GoogleIntegration put(
            Caller caller,
            @Parameter(description = "Platform keys name the organization")
                    @RequestParam(name = "organization_id", required = false)
                    UUID organizationId,
            @RequestBody GoogleIntegrationSettings settings) {
        return management.replace(caller, organizationId, settings);
    }

    @PostMapping("/partner-credentials")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue a partner credential for the booking server's HTTP Basic (platform keys)",
            description = "The password is in this answer only. Credentials issued before keep working for the"
                    + " overlap (RESERVA_GOOGLE_CREDENTIAL_OVERLAP, default 7 days), then stop",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = NewPartnerCredential.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "default",
                                                            value = "{\"username\": \"google\"}"))))
    IssuedPartnerCredential issue(Caller caller, @RequestBody(required = false) NewPartnerCredential request) {
        return credentials.issue(caller, request);
    }

    @GetMapping("/partner-credentials")
    @Operation(summary = "List partner credentials, never their passwords (platform keys)")
    List<PartnerCredential> credentials(Caller caller) {
        return credentials.list(caller);
    }

    @DeleteMapping("/partner-credentials/{id}")
    @Operation(summary = "Revoke a partner credential at once (platform keys)")
    PartnerCredential revoke(Caller caller, @PathVariable UUID id) {
        return credentials.revoke(caller, id);
    }

    @PostMapping("/feeds")
    @Operation(
            summary = "Generate Google's merchant, service and availability feeds now, and upload them (platform keys)",
            description = "The same run as the schedule (RESERVA_GOOGLE_FEEDS_CRON): every enabled merchant, written"
                    + " to RESERVA_GOOGLE_FEEDS_DIRECTORY and uploaded when /google-integration/feed-upload is set."
                    + " 409 conflict while another run is under way")
    FeedRun runFeeds(Caller caller) {
        return feeds.runNow(caller);
    }

    @GetMapping("/feed-upload")
    @Operation(summary = "Where feeds are uploaded, never the password or key (platform keys); 404 when not set")
    FeedUpload feedUpload(Caller caller) {
        return feeds.upload(caller);
    }

    @PutMapping("/feed-upload")
    @Operation(
            summary = "Set the SFTP account feeds are uploaded to (platform keys)",
            description = "Exactly one of password and private_key (stored sealed, never shown again); host_key is"
                    + " the server's public key line, and no other server is trusted. Errors are 422 naming the field",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            schema = @Schema(implementation = FeedUploadSettings.class),
                                            examples = @ExampleObject(name = "password", value = """
                                                                    {"host": "partnerupload.google.com", "port": 19321,
                                                                     "username": "feeds-1234", "password": "s3cret",
                                                                     "host_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"}
                                                                    """))))
    FeedUpload putFeedUpload(Caller caller, @RequestBody FeedUploadSettings settings) {
        return feeds.replaceUpload(caller, settings);
    }

    @DeleteMapping("/feed-upload")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop uploading feeds; they are still written locally (platform keys)")
    void deleteFeedUpload(Caller caller) {
        feeds.deleteUpload(caller);
    }
}

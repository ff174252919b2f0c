package io.reserva.google;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where feeds are uploaded: Google's SFTP dropbox (from the partner portal). Exactly one of {@code password} and
 * {@code private_key}; both are stored sealed and never shown again.
 */
@Schema(name = "GoogleFeedUploadSettings")
public record FeedUploadSettings(
        @Schema(example = "partnerupload.google.com") String host,

        @Schema(description = "Defaults to 19321, the port of Google's feed dropbox", example = "19321")
        Integer port,

        @Schema(example = "feeds-1234") String username,

        @Schema(description = "The account's password; or private_key")
        String password,

        @Schema(description = "An unencrypted private key (OpenSSH or PEM); or password")
        String privateKey,

        @Schema(
                description = "The server's public key as a known_hosts / authorized_keys line: the upload refuses"
                        + " any other server",
                example = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl")
        String hostKey,

        @Schema(description = "Directory on the server; empty: the account's home", example = "")
        String remoteDirectory) {}

/**
 * Uploads of images (service pictures, booking page logos and covers): signed PUT URLs from
 * {@code POST /s3-url-signing}, backed by this server's data directory or by an S3-compatible store.
 */
@org.springframework.modulith.ApplicationModule
package io.reserva.uploads;

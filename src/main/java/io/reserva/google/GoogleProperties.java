package io.reserva.google;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Google channel.
 *
 * @param basePath where the v3 booking server answers ({@code /google/v3}: {@code POST /google/v3/CreateBooking})
 * @param credentialOverlap how long the previous partner credential keeps working after a new one is issued, so
 *     the new one can be entered in Google's partner portal without refusing Google's calls meanwhile
 */
@ConfigurationProperties("reserva.google")
public record GoogleProperties(String basePath, Duration credentialOverlap) {

    public GoogleProperties {
        basePath = basePath == null || basePath.isBlank() ? "/google/v3" : stripSlash(basePath.strip());
        credentialOverlap = credentialOverlap == null ? Duration.ofDays(7) : credentialOverlap;
    }

    private static String stripSlash(String path) {
        String withSlash = path.startsWith("/") ? path : "/" + path;
        return withSlash.endsWith("/") ? withSlash.substring(0, withSlash.length() - 1) : withSlash;
    }
}

package io.reserva.google;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Real-time updates to Google's Maps Booking API.
 *
 * @param partnerId the partner id of the Actions Center partner portal; updates are sent only when it and the key
 *     are set
 * @param serviceAccountKey the service account's JSON key file (Google Cloud console); read when the first
 *     update is sent, never at start-up
 * @param apiBaseUrl the Maps Booking API ({@code https://mapsbooking.googleapis.com/v1alpha})
 * @param tokenUrl where OAuth 2 tokens come from; empty: the key's own {@code token_uri}
 * @param pollInterval how often due retries are looked for (a change wakes the sender at once)
 * @param maxAttempts attempts before an update is given up ({@code failed})
 * @param firstRetry the wait after the first failure; it doubles with each failure, up to an hour
 * @param timeout each request's limit, connecting included
 */
@ConfigurationProperties("reserva.google.updates")
public record GoogleUpdateProperties(
        String partnerId,
        Path serviceAccountKey,
        URI apiBaseUrl,
        URI tokenUrl,
        Duration pollInterval,
        int maxAttempts,
        Duration firstRetry,
        Duration timeout) {

    public GoogleUpdateProperties {
        partnerId = partnerId == null || partnerId.isBlank() ? null : partnerId.strip();
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.toString().isBlank()
                ? URI.create("https://mapsbooking.googleapis.com/v1alpha")
                : apiBaseUrl;
        tokenUrl = tokenUrl == null || tokenUrl.toString().isBlank() ? null : tokenUrl;
        pollInterval = pollInterval == null ? Duration.ofSeconds(15) : pollInterval;
        maxAttempts = maxAttempts <= 0 ? 12 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
    }

    /** Whether updates are sent at all: a partner id and a key are both configured. */
    public boolean enabled() {
        return partnerId != null && serviceAccountKey != null;
    }
}

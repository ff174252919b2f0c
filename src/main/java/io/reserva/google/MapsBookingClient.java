package io.reserva.google;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Google's Maps Booking API (v1alpha): booking notifications and availability replacements, authorized with an
 * OAuth 2 access token of the partner's service account (Google's auth library signs the token request with the
 * account's key). The key is read and a token fetched when the first update is sent, never at start-up, so a
 * node starts without the network.
 */
@Component
class MapsBookingClient {

    static final String SCOPE = "https://www.googleapis.com/auth/mapsbooking";

    /** What Google answered. */
    record Answer(int status, String body) {
        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    private final GoogleUpdateProperties properties;
    private final HttpClient http;
    private GoogleCredentials credentials;

    MapsBookingClient(GoogleUpdateProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code PATCH notification/partners/{partner}/bookings/{booking}}: the booking as it is now. */
    Answer notifyBooking(String bookingId, String body) throws IOException, InterruptedException {
        String path = "/notification/partners/" + encode(properties.partnerId()) + "/bookings/" + encode(bookingId)
                + "?updateMask=" + encode("status,startTime,duration,partySize");
        return send("PATCH", path, body);
    }

    /** {@code POST inventory/partners/{partner}/availability:replace}. */
    Answer replaceAvailability(String body) throws IOException, InterruptedException {
        return send("POST", "/inventory/partners/" + encode(properties.partnerId()) + "/availability:replace", body);
    }

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        String base = properties.apiBaseUrl().toString();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path))
                .timeout(properties.timeout())
                .header("Authorization", "Bearer " + accessToken())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Reserva-Google/1")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** A valid access token, fetched again by the library shortly before the last one expires. */
    private synchronized String accessToken() throws IOException {
        if (credentials == null) {
            ServiceAccountCredentials account;
            try (InputStream key = Files.newInputStream(properties.serviceAccountKey())) {
                account = ServiceAccountCredentials.fromStream(key);
            }
            if (properties.tokenUrl() != null) {
                account = account.toBuilder()
                        .setTokenServerUri(properties.tokenUrl())
                        .build();
            }
            credentials = account.createScoped(List.of(SCOPE));
        }
        credentials.refreshIfExpired();
        return credentials.getAccessToken().getTokenValue();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

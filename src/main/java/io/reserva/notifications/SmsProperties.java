package io.reserva.notifications;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SMS settings of the installation ({@code RESERVA_NOTIFICATIONS_SMS_*}); each organization chooses its provider
 * and credentials itself ({@code /notification-settings}).
 *
 * @param twilioBaseUrl where Twilio's API is ({@code https://api.twilio.com}); tests point it at a local server
 * @param publicBaseUrl the address providers reach this server at ({@code https://book.example.com}): the status
 *     callback URL given to Twilio, and the URL Twilio's signatures are checked against. Empty: the URL of the
 *     request as it arrived (right when no proxy rewrites the host or scheme)
 * @param timeout how long one request to a provider may take
 * @param maxSegments the longest message, in SMS segments; a longer text is shortened to fit
 */
@ConfigurationProperties("reserva.notifications.sms")
record SmsProperties(URI twilioBaseUrl, String publicBaseUrl, Duration timeout, Integer maxSegments) {

    SmsProperties {
        twilioBaseUrl = twilioBaseUrl == null || twilioBaseUrl.toString().isBlank()
                ? URI.create("https://api.twilio.com")
                : twilioBaseUrl;
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? null
                : publicBaseUrl.strip().replaceAll("/+$", "");
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        maxSegments = maxSegments == null ? 3 : Math.max(1, Math.min(10, maxSegments));
    }
}

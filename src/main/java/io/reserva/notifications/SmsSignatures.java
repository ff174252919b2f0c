package io.reserva.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two signatures SMS traffic carries. Twilio's {@code X-Twilio-Signature}: base64 of HMAC-SHA1, keyed with the
 * auth token, over the full URL followed by every form parameter's name and value, sorted by name. The generic
 * webhook's {@code webhook-signature}: the Standard Webhooks scheme our outgoing webhooks use, {@code v1,} and
 * base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed with the secret (the bytes after {@code whsec_}
 * base64-decoded when it has that form, else its UTF-8 bytes).
 */
final class SmsSignatures {

    private SmsSignatures() {}

    static String twilio(String authToken, String url, Map<String, String> parameters) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(parameters).forEach((name, value) -> signed.append(name).append(value));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken.getBytes(StandardCharsets.UTF_8), signed));
    }

    static String webhook(String secret, String id, long timestampSeconds, String body) {
        return "v1,"
                + Base64.getEncoder()
                        .encodeToString(hmac("HmacSHA256", key(secret), id + "." + timestampSeconds + "." + body));
    }

    /** Compares in constant time, so a forger learns nothing from how long a refusal took. */
    static boolean matches(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] key(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring("whsec_".length()));
            } catch (IllegalArgumentException notBase64) {
                // an ordinary secret that happens to start like one: its bytes are the key
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(String algorithm, byte[] key, CharSequence data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}

package io.reserva.uploads;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent check of a presigned S3 PUT: the AWS Signature Version 4 computed here from the published rules
 * (canonical request, string to sign, derived key), for the request a client makes with the URL and headers
 * given. Equal to the URL's X-Amz-Signature exactly when S3 would accept that request's signature.
 */
final class SigV4 {

    private SigV4() {}

    static String signatureOf(SignedUpload upload, String secretKey, String region) {
        URI url = URI.create(upload.signedUrl());
        Map<String, String> query = new TreeMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(decode(parts[0]), decode(parts.length > 1 ? parts[1] : ""));
        }
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort());
        upload.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value.strip()));
        List<String> signed = List.of(query.get("X-Amz-SignedHeaders").split(";"));

        List<String> canonicalQuery = new ArrayList<>();
        query.forEach((name, value) -> {
            if (!name.equals("X-Amz-Signature")) {
                canonicalQuery.add(encode(name) + "=" + encode(value));
            }
        });
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signed) {
            canonicalHeaders.append(name).append(':').append(headers.get(name)).append('\n');
        }
        String canonicalRequest = String.join(
                "\n",
                "PUT",
                url.getRawPath(),
                String.join("&", canonicalQuery),
                canonicalHeaders.toString(),
                String.join(";", signed),
                "UNSIGNED-PAYLOAD");
        String date = query.get("X-Amz-Date");
        String scope = date.substring(0, 8) + "/" + region + "/s3/aws4_request";
        String stringToSign = String.join(
                "\n", "AWS4-HMAC-SHA256", date, scope, HexFormat.of().formatHex(sha256(canonicalRequest)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date.substring(0, 8));
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, as SigV4 wants. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.reserva.uploads;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The local backend: this server signs PUT URLs to itself with an HMAC, checks them when the file arrives,
 * stores the file under the data directory and serves it.
 *
 * <p>The signature covers the method, the key, the content type and the expiry, so none can be changed. A file
 * is written to a temporary name first and moved into place only once it is whole, of an accepted size, and
 * its first bytes match its content type.
 */
public class LocalUploads implements UploadBackend {

    /** organization/type/id.ext, nothing else: no other path can ever be written or read. */
    static final Pattern KEY = Pattern.compile("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/"
            + "(reservation-service-image|booking-link-logo|booking-link-cover)/"
            + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.(png|jpg|webp)");

    public static final String PATH_PREFIX = "/uploads/";

    private final Path root;
    private final byte[] signingKey;
    private final Clock clock;

    LocalUploads(Path root, byte[] signingKey, Clock clock) {
        this.root = root;
        this.signingKey = signingKey.clone();
        this.clock = clock;
    }

    @Override
    public SignedUpload sign(String key, ImageFormat format, Long fileSize, Instant expiresAt, String baseUrl) {
        long expires = expiresAt.getEpochSecond();
        String url = baseUrl + PATH_PREFIX + key + "?content_type="
                + URLEncoder.encode(format.contentType(), StandardCharsets.UTF_8) + "&expires=" + expires
                + "&signature=" + signature(key, format.contentType(), expires);
        return new SignedUpload(
                url, "PUT", Map.of("Content-Type", format.contentType()), baseUrl + PATH_PREFIX + key, expiresAt);
    }

    /**
     * Checks a signed PUT and stores its body. Refuses (and stores nothing) a bad or lapsed signature (403), a
     * Content-Type other than the signed one (415), a body over 5 MB (413) or one whose bytes are not the
     * signed image type (415). A body that breaks off or grows past the raised body limit is an IOException.
     */
    public void store(
            String key,
            String signedContentType,
            String expires,
            String signature,
            String contentType,
            long contentLength,
            InputStream body)
            throws IOException {
        Matcher matcher = KEY.matcher(key == null ? "" : key);
        if (!matcher.matches() || signedContentType == null || expires == null || signature == null) {
            throw invalidSignature("The upload URL is not one this server signed");
        }
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw invalidSignature("The upload URL is not one this server signed");
        }
        byte[] expected = signature(key, signedContentType, expiry).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw invalidSignature("The upload URL's signature does not match; request a new one");
        }
        if (clock.instant().getEpochSecond() > expiry) {
            throw invalidSignature(
                    "The upload URL expired at " + Instant.ofEpochSecond(expiry) + "; request a new one");
        }
        ImageFormat format = ImageFormat.ofExtension(matcher.group(4))
                .filter(f -> f.contentType().equals(signedContentType))
                .orElseThrow(() -> invalidSignature("The upload URL is not one this server signed"));
        if (contentType == null || !format.contentType().equalsIgnoreCase(baseType(contentType))) {
            throw new ReservaException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the file with Content-Type: " + format.contentType() + ", as signed");
        }
        if (contentLength > ImageFormat.MAX_BYTES) {
            throw tooLarge(body);
        }
        Path target = root.resolve(key);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), ".upload-", ".part");
            long size = copyAtMost(body, temporary, ImageFormat.MAX_BYTES);
            if (size < 0) {
                throw tooLarge(body);
            }
            boolean decodes;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(temporary))) {
                decodes = format.decodes(in);
            }
            if (!decodes) {
                throw new ReservaException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "The file's content is not a " + format.contentType() + " image: its header does not decode");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless and never served
                }
            }
        }
    }

    /** A stored file and its content type, if the key is well-formed and the file exists. */
    public Optional<StoredFile> find(String key) {
        Matcher matcher = KEY.matcher(key == null ? "" : key);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return ImageFormat.ofExtension(matcher.group(4)).map(format -> new StoredFile(file, format.contentType()));
    }

    public record StoredFile(Path path, String contentType) {}

    String signature(String key, String contentType, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            byte[] digest =
                    mac.doFinal(("PUT\n" + key + "\n" + contentType + "\n" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Copies up to max bytes; answers the size, or -1 when the body is longer. */
    private static long copyAtMost(InputStream in, Path target, long max) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    return -1;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    }

    /**
     * Reads what is left of the body before refusing it: a client still sending when the answer comes would
     * otherwise see its connection reset instead of the 413. The upload path's body limit bounds how much that
     * is ({@code UploadBodyLimitFilter}); only the holder of a valid signed URL gets this far.
     */
    private static ReservaException tooLarge(InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // the client hung up, or went past the body limit: the answer is the same
        }
        return new ReservaException(ErrorCode.PAYLOAD_TOO_LARGE, "An image may be at most 5 MB");
    }

    private static ReservaException invalidSignature(String detail) {
        return new ReservaException(ErrorCode.INVALID_SIGNATURE, detail);
    }
}

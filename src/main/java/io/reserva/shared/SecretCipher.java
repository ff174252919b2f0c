package io.reserva.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets the server must use again (webhook signing secrets, channel credentials, provider tokens)
 * before they are stored: AES-256-GCM from the JDK, a random 96-bit nonce per value, and the id of the key in
 * the stored form, {@code sealed:v1:<key id>:<base64url(nonce | ciphertext | tag)>}. New values are sealed
 * with the current key; values sealed with an older key stay readable while that key is configured, so keys
 * rotate without a flag day. The key id is derived from the key itself (12 hex digits of a SHA-256), so a value
 * can never be opened with a key that merely carries the same name.
 *
 * <p>A value is bound to its {@code context} (authenticated, not stored): a sealed value copied to another row
 * or column whose context differs does not open. Callers pass something like {@code "webhook_endpoints:<id>"}.
 */
public final class SecretCipher {

    public static final String PREFIX = "sealed:v1:";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value that cannot be opened: unknown key, altered value or wrong context. Says which. */
    public static final class UnreadableSecretException extends IllegalStateException {
        UnreadableSecretException(String message) {
            super(message);
        }
    }

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    /**
     * @param currentKey 32 bytes: seals every new value
     * @param previousKeys 32 bytes each: open what they sealed, seal nothing
     */
    public SecretCipher(byte[] currentKey, List<byte[]> previousKeys) {
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        this.currentKeyId = add(byId, currentKey);
        for (byte[] key : previousKeys) {
            add(byId, key);
        }
        this.keys = Map.copyOf(byId);
    }

    /** A new random key, for the key file written on the first start. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The id a key is stored under: the first 6 bytes of SHA-256 over a label and the key, in hex. */
    public static String keyId(byte[] key) {
        byte[] label = "reserva secret key id:".getBytes(StandardCharsets.US_ASCII);
        byte[] labelled = ByteBuffer.allocate(label.length + key.length)
                .put(label)
                .put(key)
                .array();
        return HexFormat.of().formatHex(Secrets.sha256(labelled), 0, 6);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether the value is sealed with the current key (otherwise it is due to be sealed again). */
    public boolean isSealedWithCurrentKey(String stored) {
        return isSealed(stored) && keyIdOf(stored).equals(currentKeyId);
    }

    /** The stored form of {@code secret}, sealed with the current key and bound to {@code context}. */
    public String seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(currentKeyId, context));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + currentKeyId + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** The secret in a stored value sealed for {@code context}; throws {@link UnreadableSecretException}. */
    public String open(String stored, String context) {
        if (!isSealed(stored)) {
            throw new UnreadableSecretException(
                    "The stored value is not sealed (it does not start with " + PREFIX + ")");
        }
        String keyId = keyIdOf(stored);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new UnreadableSecretException("The value was sealed with key " + keyId
                    + ", which is not configured (this server has " + String.join(", ", keys.keySet())
                    + "); add that key to RESERVA_SECRETS_PREVIOUS_KEYS or to the key file, see docs/operations.md");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length() + keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException("The sealed value under key " + keyId + " is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException("The sealed value under key " + keyId + " is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(keyId, context));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("The sealed value does not open with key " + keyId
                    + ": it was altered, or it belongs to another record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    private static String keyIdOf(String stored) {
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? "" : stored.substring(PREFIX.length(), end);
    }

    private static byte[] associatedData(String keyId, String context) {
        return (PREFIX + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    private static String add(Map<String, SecretKey> byId, byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A secrets key is " + KEY_BYTES + " bytes (AES-256)");
        }
        String id = keyId(key);
        byId.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
        return id;
    }
}

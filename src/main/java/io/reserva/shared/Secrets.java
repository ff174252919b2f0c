package io.reserva.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets and their one-way hashes, for credentials that are shown once and stored hashed. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A new secret: the prefix, then 256 random bits in URL-safe base64. */
    public static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * SHA-256 of the secret. A slow password hash is not needed: the secrets are 256-bit random, not chosen by
     * people, so a lookup by this hash is both safe and fast.
     */
    public static byte[] sha256(String secret) {
        return sha256(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates an empty file that only its owner may read and write (mode 600, set as the file is created, so it is
     * never readable by others even for a moment). On a file system without POSIX permissions (Windows) it takes
     * the directory's. Throws {@link java.nio.file.FileAlreadyExistsException} if the file exists.
     */
    public static Path createOwnerOnlyFile(Path file) throws IOException {
        try {
            return Files.createFile(
                    file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

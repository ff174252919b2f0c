package io.reserva.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The {@link SecretCipher}: keys from {@code RESERVA_SECRETS_KEY} and {@code RESERVA_SECRETS_PREVIOUS_KEYS}, and
 * from {@value #KEY_FILE} in the data directory, one base64 key per line, the first one current. Without the
 * setting the file is the source, generated with one key (mode 600) on the first start; with the setting, the
 * keys in the file (if any) still open what they sealed, so moving from the file to the setting loses nothing.
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    static final String KEY_FILE = "secrets.key";
    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    @Lazy // a context without a module that stores secrets (a module test) writes no key file
    SecretCipher secretCipher(SecretsProperties properties, @Value("${reserva.data-dir}") Path dataDirectory) {
        return cipher(properties, dataDirectory);
    }

    static SecretCipher cipher(SecretsProperties properties, Path dataDirectory) {
        Path file = dataDirectory.resolve(KEY_FILE).toAbsolutePath().normalize();
        List<byte[]> previous = new ArrayList<>();
        for (int i = 0; i < properties.previousKeys().size(); i++) {
            previous.add(decode(properties.previousKeys().get(i), "RESERVA_SECRETS_PREVIOUS_KEYS[" + i + "]"));
        }
        byte[] current;
        if (properties.key() != null && !properties.key().isBlank()) {
            current = decode(properties.key(), "RESERVA_SECRETS_KEY");
            if (Files.exists(file)) {
                previous.addAll(readKeyFile(file));
            }
        } else {
            List<byte[]> fromFile = readOrCreateKeyFile(file);
            current = fromFile.get(0);
            previous.addAll(fromFile.subList(1, fromFile.size()));
        }
        SecretCipher cipher = new SecretCipher(current, previous);
        log.info(
                "Stored secrets are sealed with key {}; keys that open them: {}",
                cipher.currentKeyId(),
                cipher.keyIds());
        return cipher;
    }

    private static List<byte[]> readOrCreateKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Path draft = file.resolveSibling(KEY_FILE + ".new");
                Files.deleteIfExists(draft);
                Secrets.createOwnerOnlyFile(draft);
                Files.writeString(
                        draft,
                        Base64.getEncoder().encodeToString(SecretCipher.newKey()) + System.lineSeparator(),
                        StandardCharsets.UTF_8);
                try {
                    // Whole or not at all: a node sharing the data directory never reads a half-written key.
                    Files.createLink(file, draft);
                    log.warn("Generated the key that seals stored secrets in {}: back it up with the data", file);
                } catch (FileAlreadyExistsException raced) {
                    // another node of the same data directory wrote it first
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return readKeyFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key file " + file, e);
        }
    }

    private static List<byte[]> readKeyFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secrets key file " + file, e);
        }
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                keys.add(decode(line, file + " line " + (i + 1)));
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(file + " holds no key; restore it from a backup (a new key cannot open"
                    + " what the old one sealed)");
        }
        return keys;
    }

    private static byte[] decode(String value, String source) {
        byte[] key;
        try {
            String trimmed = value.strip();
            key = trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64; make a key with: openssl rand -base64 32");
        }
        if (key.length != SecretCipher.KEY_BYTES) {
            throw new IllegalStateException(source + " is " + key.length + " bytes; a key is " + SecretCipher.KEY_BYTES
                    + " (openssl rand -base64 32)");
        }
        return key;
    }
}

package io.reserva.google;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Uploads files to an SFTP server with Apache MINA SSHD, trusting only the configured host key: a server that
 * shows another key is refused before any credential is sent.
 */
final class SftpUploader {

    /** The account to upload to, its secret already opened. */
    record Account(
            String host,
            int port,
            String username,
            String password,
            String privateKey,
            PublicKey hostKey,
            String remoteDirectory) {}

    private SftpUploader() {}

    /** The public key of a known_hosts / authorized_keys line ({@code ssh-ed25519 AAAA… comment}). */
    static PublicKey hostKey(String line) {
        try {
            String entry = line.strip();
            // A known_hosts line starts with the host names; the key type is the first field that names one.
            String[] fields = entry.split("\\s+");
            if (fields.length >= 3 && !fields[0].startsWith("ssh-") && !fields[0].startsWith("ecdsa-")) {
                entry = entry.substring(fields[0].length()).strip();
            }
            return PublicKeyEntry.parsePublicKeyEntry(entry)
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("is not an SSH public key line (\"ssh-ed25519 AAAA…\")", e);
        }
    }

    /** The key pairs in a private key's text (OpenSSH or PEM); unencrypted keys only. */
    static List<KeyPair> keyPairs(String privateKey) {
        List<KeyPair> pairs = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(privateKey.getBytes(StandardCharsets.UTF_8))) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(
                    null, NamedResource.ofName("private_key"), in, FilePasswordProvider.EMPTY);
            if (loaded != null) {
                loaded.forEach(pairs::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("is not an unencrypted OpenSSH or PEM private key", e);
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("is not an unencrypted OpenSSH or PEM private key");
        }
        return pairs;
    }

    /** Uploads the files in order, each under its own name; throws on the first that fails. */
    static void upload(Account account, List<Path> files, Duration timeout) throws IOException {
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((session, address, key) -> KeyUtils.compareKeys(account.hostKey(), key));
        CoreModuleProperties.AUTH_TIMEOUT.set(client, timeout);
        CoreModuleProperties.IDLE_TIMEOUT.set(client, timeout);
        client.start();
        try (ClientSession session = client.connect(account.username(), account.host(), account.port())
                .verify(timeout)
                .getSession()) {
            if (account.password() != null) {
                session.addPasswordIdentity(account.password());
            } else {
                for (KeyPair pair : keyPairs(account.privateKey())) {
                    session.addPublicKeyIdentity(pair);
                }
            }
            session.auth().verify(timeout);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                for (Path file : files) {
                    try (OutputStream out = sftp.write(remotePath(account.remoteDirectory(), file))) {
                        Files.copy(file, out);
                    }
                }
            }
        } finally {
            client.stop();
        }
    }

    private static String remotePath(String directory, Path file) {
        String name = file.getFileName().toString();
        if (directory == null || directory.isEmpty()) {
            return name;
        }
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }
}

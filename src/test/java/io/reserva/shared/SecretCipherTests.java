package io.reserva.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTests {

    static final String CONTEXT = "webhook_endpoints:0192f3c4-7777-7f80-9a1b-2c3d4e5f6a7b";
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    final byte[] keyA = SecretCipher.newKey();
    final byte[] keyB = SecretCipher.newKey();

    @Test
    void aSealedSecretOpensToItselfAndNeverShowsIt() {
        SecretCipher cipher = new SecretCipher(keyA, List.of());
        String sealed = cipher.seal(SECRET, CONTEXT);
        assertThat(sealed)
                .startsWith(SecretCipher.PREFIX + cipher.currentKeyId() + ":")
                .doesNotContain(SECRET)
                .doesNotContain(SECRET.substring(6));
        assertThat(cipher.open(sealed, CONTEXT)).isEqualTo(SECRET);
        assertThat(cipher.seal(SECRET, CONTEXT))
                .as("a fresh nonce per value: the same secret seals differently each time")
                .isNotEqualTo(sealed);
        assertThat(cipher.open(cipher.seal("ünïcødé ✓", CONTEXT), CONTEXT)).isEqualTo("ünïcødé ✓");
        assertThat(cipher.currentKeyId()).matches("[0-9a-f]{12}").isEqualTo(SecretCipher.keyId(keyA));
    }

    @Test
    void anAlteredValueOrAnotherRecordsValueDoesNotOpen() {
        SecretCipher cipher = new SecretCipher(keyA, List.of());
        String sealed = cipher.seal(SECRET, CONTEXT);
        int last = sealed.length() - 1;
        String flipped = sealed.substring(0, last) + (sealed.charAt(last) == 'A' ? 'B' : 'A');
        assertThatThrownBy(() -> cipher.open(flipped, CONTEXT))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("altered");
        String body = sealed.substring(sealed.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getUrlDecoder().decode(body);
        bytes[14] ^= 1; // a bit of the ciphertext itself
        String tampered = sealed.substring(0, sealed.lastIndexOf(':') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.open(tampered, CONTEXT))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "webhook_endpoints:another"))
                .as("copied to another record")
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("another record");
        assertThatThrownBy(() -> cipher.open(SECRET, CONTEXT))
                .as("clear text is not a sealed value")
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("not sealed");
        assertThatThrownBy(() -> cipher.open(SecretCipher.PREFIX + cipher.currentKeyId() + ":AAAA", CONTEXT))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void aValueSealedWithAKeyThisServerLacksNamesThatKey() {
        String sealed = new SecretCipher(keyA, List.of()).seal(SECRET, CONTEXT);
        SecretCipher other = new SecretCipher(keyB, List.of());
        assertThatThrownBy(() -> other.open(sealed, CONTEXT))
                .isInstanceOf(SecretCipher.UnreadableSecretException.class)
                .hasMessageContaining("sealed with key " + SecretCipher.keyId(keyA))
                .hasMessageContaining("not configured")
                .hasMessageContaining("RESERVA_SECRETS_PREVIOUS_KEYS")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void afterARotationOldValuesStayReadableAndNewOnesUseTheNewKey() {
        SecretCipher before = new SecretCipher(keyA, List.of());
        String old = before.seal(SECRET, CONTEXT);
        SecretCipher rotated = new SecretCipher(keyB, List.of(keyA));
        assertThat(rotated.open(old, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.isSealedWithCurrentKey(old)).isFalse();
        String renewed = rotated.seal(rotated.open(old, CONTEXT), CONTEXT);
        assertThat(rotated.isSealedWithCurrentKey(renewed)).isTrue();
        assertThat(new SecretCipher(keyB, List.of()).open(renewed, CONTEXT))
                .as("once sealed again, the old key can go")
                .isEqualTo(SECRET);
        assertThat(rotated.keyIds()).containsExactlyInAnyOrder(SecretCipher.keyId(keyA), SecretCipher.keyId(keyB));
    }

    @Test
    void aKeyIsThirtyTwoBytes() {
        assertThatThrownBy(() -> new SecretCipher(new byte[16], List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutASettingTheKeyIsGeneratedOnceIntoAnOwnerOnlyFile(@TempDir Path dataDir) throws Exception {
        SecretsProperties none = new SecretsProperties(null, null);
        SecretCipher first = SecretsConfiguration.cipher(none, dataDir);
        Path file = dataDir.resolve(SecretsConfiguration.KEY_FILE);
        assertThat(file).exists();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        SecretCipher again = SecretsConfiguration.cipher(none, dataDir);
        assertThat(again.currentKeyId()).isEqualTo(first.currentKeyId());
        String sealed = first.seal(SECRET, CONTEXT);

        // Moving to the setting: the file's key still opens what it sealed, the setting's key seals.
        String setting = Base64.getEncoder().encodeToString(keyB);
        SecretCipher fromSetting = SecretsConfiguration.cipher(new SecretsProperties(setting, null), dataDir);
        assertThat(fromSetting.currentKeyId()).isEqualTo(SecretCipher.keyId(keyB));
        assertThat(fromSetting.open(sealed, CONTEXT)).isEqualTo(SECRET);

        // A rotation in the file: a new first line, the old key below it.
        Files.writeString(file, Base64.getEncoder().encodeToString(keyA) + "\n" + Files.readString(file));
        SecretCipher rotated = SecretsConfiguration.cipher(none, dataDir);
        assertThat(rotated.currentKeyId()).isEqualTo(SecretCipher.keyId(keyA));
        assertThat(rotated.open(sealed, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void aBadKeySettingStopsTheStartWithHowToMakeOne(@TempDir Path dataDir) {
        assertThatThrownBy(() -> SecretsConfiguration.cipher(new SecretsProperties("not base64!", null), dataDir))
                .hasMessageContaining("RESERVA_SECRETS_KEY")
                .hasMessageContaining("openssl rand -base64 32");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretsConfiguration.cipher(new SecretsProperties(short16, null), dataDir))
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> SecretsConfiguration.cipher(new SecretsProperties(null, List.of(short16)), dataDir))
                .hasMessageContaining("RESERVA_SECRETS_PREVIOUS_KEYS[0]");
    }
}

package io.reserva.shared;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that seal stored secrets ({@code RESERVA_SECRETS_*}), each base64 of 32 random bytes
 * ({@code openssl rand -base64 32}).
 *
 * @param key seals new values; empty: the first line of {@code secrets.key} in the data directory, generated
 *     on the first start
 * @param previousKeys open values sealed with them (after a rotation) but seal nothing
 */
@ConfigurationProperties("reserva.secrets")
public record SecretsProperties(String key, List<String> previousKeys) {

    public SecretsProperties {
        previousKeys = previousKeys == null
                ? List.of()
                : previousKeys.stream()
                        .map(String::strip)
                        .filter(k -> !k.isEmpty())
                        .toList();
    }
}

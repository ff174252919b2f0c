package io.reserva.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: 12 to 72 bytes (bcrypt reads no further than 72), not one of the 10,000 most common
 * passwords (the list in {@code users/common-passwords.txt} says where it comes from), not a common password
 * with only digits or symbols around it ({@code Sunshine2024!}), not one run of a few characters repeated, and
 * not the user's own email name. Plain Java, so the rules are tested in milliseconds.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    private static final int MIN_DISTINCT = 5;

    private final Set<String> common;

    PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the shipped list of common passwords. */
    public static PasswordPolicy withShippedList() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/users/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("users/common-passwords.txt is missing from the class path");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return common.size();
    }

    /** Why this password is refused, or empty when it is acceptable. Never echoes the password. */
    public Optional<String> problem(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes (bcrypt ignores anything longer)");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || common.contains(core(lower)) || isRepetition(lower)) {
            return Optional.of("is too common or too easy to guess; choose a longer, less predictable one");
        }
        if (lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of("must use at least " + MIN_DISTINCT + " different characters");
        }
        if (email != null) {
            String name = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
            if (name.length() >= 4 && lower.contains(name)) {
                return Optional.of("must not contain the account's email name");
            }
        }
        return Optional.empty();
    }

    /** The password without leading and trailing digits and symbols: what is left of "!!sunshine2024". */
    private static String core(String password) {
        int start = 0;
        int end = password.length();
        while (start < end && !Character.isLetter(password.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(start, end);
    }

    /** One common password, or any short unit, written out several times ("passwordpassword", "abcabcabcabc"). */
    private boolean isRepetition(String password) {
        for (int unit = 1; unit <= password.length() / 2; unit++) {
            if (password.length() % unit != 0) {
                continue;
            }
            String piece = password.substring(0, unit);
            if (piece.repeat(password.length() / unit).equals(password) && (unit <= 4 || common.contains(piece))) {
                return true;
            }
        }
        return false;
    }
}

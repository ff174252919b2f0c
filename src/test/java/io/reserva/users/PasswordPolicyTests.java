package io.reserva.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    static final PasswordPolicy POLICY = PasswordPolicy.withShippedList();

    @Test
    void shipsTheTenThousandMostCommonPasswords() {
        assertThat(POLICY.size()).isEqualTo(10_000);
    }

    @Test
    void acceptsALongUnpredictablePassphrase() {
        assertThat(POLICY.problem("violet tram under 7 lanterns", "marta@example.com"))
                .isEmpty();
        assertThat(POLICY.problem("Tq8#vLm2!pZr", null)).isEmpty();
    }

    @Test
    void refusesFewerThanTwelveCharactersCountingCodePoints() {
        assertThat(POLICY.problem("Tq8#vLm2!pZ", null)).contains("must be at least 12 characters");
        assertThat(POLICY.problem(null, null)).contains("must be at least 12 characters");
        // Eleven emoji are 22 UTF-16 units but eleven characters.
        assertThat(POLICY.problem("🍕".repeat(11), null)).contains("must be at least 12 characters");
    }

    @Test
    void refusesMoreThanBcryptReads() {
        assertThat(POLICY.problem("ab1-".repeat(18) + "x", null))
                .hasValueSatisfying(p -> assertThat(p).contains("72 bytes"));
        assertThat(POLICY.problem("Tq8#vLm2!pZr".repeat(6), null)).isEmpty();
    }

    @Test
    void refusesListedPasswordsWhateverTheirCase() {
        assertThat(POLICY.problem("qwertyuiop123", null)).isPresent();
        assertThat(POLICY.problem("1QAZ2WSX3EDC", null)).isPresent();
        assertThat(POLICY.problem("justinbieber", null)).isPresent();
    }

    @Test
    void refusesACommonPasswordWithOnlyDigitsAndSymbolsAround() {
        assertThat(POLICY.problem("Sunshine2024!", null)).isPresent();
        assertThat(POLICY.problem("!!football1234", null)).isPresent();
        assertThat(POLICY.problem("sunshine river 2024", null)).isEmpty();
    }

    @Test
    void refusesRepetitionsAndTooFewDistinctCharacters() {
        assertThat(POLICY.problem("passwordpassword", null)).isPresent();
        assertThat(POLICY.problem("abcabcabcabc", null)).isPresent();
        assertThat(POLICY.problem("aaaaaaaaaaaaaaa", null)).isPresent();
        assertThat(POLICY.problem("abababababbbaa", null)).contains("must use at least 5 different characters");
    }

    @Test
    void refusesTheAccountsOwnEmailName() {
        assertThat(POLICY.problem("marta.ruiz-rocks-2027", "Marta.Ruiz@example.com"))
                .contains("must not contain the account's email name");
    }

    @Test
    void neverEchoesThePassword() {
        String password = "Sunshine2024!";
        assertThat(POLICY.problem(password, null))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain(password).doesNotContainIgnoringCase("sunshine"));
    }
}

package io.reserva.customfields;

import static io.reserva.customfields.CustomFieldType.BOOLEAN;
import static io.reserva.customfields.CustomFieldType.DATE;
import static io.reserva.customfields.CustomFieldType.EMAIL;
import static io.reserva.customfields.CustomFieldType.MULTISELECT;
import static io.reserva.customfields.CustomFieldType.NUMBER;
import static io.reserva.customfields.CustomFieldType.PHONE;
import static io.reserva.customfields.CustomFieldType.SELECT;
import static io.reserva.customfields.CustomFieldType.TEXT;
import static io.reserva.customfields.CustomFieldType.TEXTAREA;
import static io.reserva.customfields.CustomFieldType.URL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value rule of every field type, and the shape rules of definitions, without Spring or a database. */
class CustomFieldRulesTests {

    private static final List<String> SEATS = List.of("terrace", "window", "bar");

    private static Object valid(CustomFieldType type, Object value) {
        return CustomFieldRules.normalize(type, type.hasOptions() ? SEATS : null, value, "DE");
    }

    private static void refused(CustomFieldType type, Object value, String message) {
        assertThatThrownBy(() -> valid(type, value))
                .as("%s refuses %s", type, value)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void textIsAStringOfAtMost1000Characters() {
        assertThat(valid(TEXT, "Window seat please")).isEqualTo("Window seat please");
        assertThat(valid(TEXT, "é".repeat(1000))).isEqualTo("é".repeat(1000));
        refused(TEXT, "x".repeat(1001), "at most 1000");
        refused(TEXT, 42, "must be a string");
        refused(TEXT, List.of("a"), "must be a string");
    }

    @Test
    void textareaTakesUpTo10000Characters() {
        assertThat(valid(TEXTAREA, "line 1\nline 2")).isEqualTo("line 1\nline 2");
        assertThat(valid(TEXTAREA, "x".repeat(10_000))).isNotNull();
        refused(TEXTAREA, "x".repeat(10_001), "at most 10000");
        refused(TEXTAREA, true, "must be a string");
    }

    @Test
    void numberIsAJsonNumberNeverAString() {
        assertThat(valid(NUMBER, 4)).isEqualTo(4);
        assertThat(valid(NUMBER, 2.5)).isEqualTo(2.5);
        assertThat(valid(NUMBER, new BigDecimal("-12.75"))).isEqualTo(new BigDecimal("-12.75"));
        refused(NUMBER, "4", "must be a number");
        refused(NUMBER, true, "must be a number");
        refused(NUMBER, Double.NaN, "finite");
        refused(NUMBER, new BigDecimal("1".repeat(31)), "at most 30 digits");
    }

    @Test
    void booleanIsTrueOrFalse() {
        assertThat(valid(BOOLEAN, true)).isEqualTo(true);
        assertThat(valid(BOOLEAN, false)).isEqualTo(false);
        refused(BOOLEAN, "true", "true or false");
        refused(BOOLEAN, 1, "true or false");
    }

    @Test
    void dateIsACalendarDayWrittenYyyyMmDd() {
        assertThat(valid(DATE, "2027-02-28")).isEqualTo("2027-02-28");
        assertThat(valid(DATE, "2028-02-29")).isEqualTo("2028-02-29");
        refused(DATE, "2027-02-29", "not a day");
        refused(DATE, "28/02/2027", "YYYY-MM-DD");
        refused(DATE, "2027-2-8", "YYYY-MM-DD");
        refused(DATE, "2027-02-28T10:00:00Z", "YYYY-MM-DD");
        refused(DATE, 20270228, "YYYY-MM-DD");
    }

    @Test
    void selectIsOneOfTheOptionsExactly() {
        assertThat(valid(SELECT, "terrace")).isEqualTo("terrace");
        refused(SELECT, "Terrace", "one of the options");
        refused(SELECT, "garden", "one of the options");
        refused(SELECT, List.of("terrace"), "one of the options");
    }

    @Test
    void multiselectIsAListOfDistinctOptions() {
        assertThat(valid(MULTISELECT, List.of("bar", "terrace"))).isEqualTo(List.of("bar", "terrace"));
        refused(MULTISELECT, "terrace", "list of distinct options");
        refused(MULTISELECT, List.of("terrace", "terrace"), "distinct");
        refused(MULTISELECT, List.of("terrace", "garden"), "distinct options from");
        refused(MULTISELECT, Arrays.asList("terrace", null), "distinct options");
    }

    @Test
    void emailIsAnAddressStoredLowerCased() {
        assertThat(valid(EMAIL, " Ana.Garcia@Example.COM ")).isEqualTo("ana.garcia@example.com");
        refused(EMAIL, "ana.garcia", "email address");
        refused(EMAIL, "ana@example", "email address");
        refused(EMAIL, "a b@example.com", "email address");
    }

    @Test
    void phoneIsNormalizedToE164WithTheOrganizationsCountry() {
        assertThat(valid(PHONE, "030 1234567")).isEqualTo("+49301234567");
        assertThat(valid(PHONE, "+34 612 34 56 78")).isEqualTo("+34612345678");
        assertThat(CustomFieldRules.normalize(PHONE, null, "612 34 56 78", "ES"))
                .isEqualTo("+34612345678");
        refused(PHONE, "12", "phone number");
        refused(PHONE, "call me", "phone number");
        assertThatThrownBy(() -> CustomFieldRules.normalize(PHONE, null, "030 1234567", null))
                .hasMessageContaining("international form");
    }

    @Test
    void urlIsHttpOrHttps() {
        assertThat(valid(URL, "https://example.com/menu?x=1")).isEqualTo("https://example.com/menu?x=1");
        assertThat(valid(URL, "http://example.com")).isEqualTo("http://example.com");
        refused(URL, "ftp://example.com", "http(s) URL");
        refused(URL, "javascript:alert(1)", "http(s) URL");
        refused(URL, "example.com", "http(s) URL");
        refused(URL, "https://exa mple.com", "http(s) URL");
    }

    @Test
    void blankStringsAndEmptyListsCountAsNoValue() {
        assertThat(CustomFieldRules.isEmpty(null)).isTrue();
        assertThat(CustomFieldRules.isEmpty("  ")).isTrue();
        assertThat(CustomFieldRules.isEmpty(List.of())).isTrue();
        assertThat(CustomFieldRules.isEmpty(false)).isFalse();
        assertThat(CustomFieldRules.isEmpty(0)).isFalse();
    }

    @Test
    void numbersCompareByValue() {
        assertThat(CustomFieldRules.sameValue(3, 3.0)).isTrue();
        assertThat(CustomFieldRules.sameValue(3L, new BigDecimal("3.00"))).isTrue();
        assertThat(CustomFieldRules.sameValue(3, 4)).isFalse();
        assertThat(CustomFieldRules.sameValue(List.of("a", 1), List.of("a", 1.0)))
                .isTrue();
        assertThat(CustomFieldRules.sameValue("1", 1)).isFalse();
    }

    @Test
    void keysAreLowercaseIdentifiers() {
        for (String good : List.of("a", "dietary_requirements", "x9", "a" + "b".repeat(62))) {
            List<FieldError> errors = new ArrayList<>();
            CustomFieldRules.checkKey(good, errors);
            assertThat(errors).as(good).isEmpty();
        }
        for (String bad : List.of("", "9lives", "_x", "Allergies", "with-dash", "a" + "b".repeat(63), "ñ")) {
            List<FieldError> errors = new ArrayList<>();
            CustomFieldRules.checkKey(bad, errors);
            assertThat(errors).as(bad).extracting(FieldError::field).containsExactly("key");
        }
    }

    @Test
    void optionsComeWithSelectsOnly() {
        List<FieldError> errors = new ArrayList<>();
        CustomFieldRules.checkOptions(SELECT, SEATS, errors);
        CustomFieldRules.checkOptions(TEXT, null, errors);
        CustomFieldRules.checkOptions(TEXT, List.of(), errors);
        assertThat(errors).isEmpty();

        CustomFieldRules.checkOptions(SELECT, null, errors);
        CustomFieldRules.checkOptions(MULTISELECT, List.of(), errors);
        CustomFieldRules.checkOptions(TEXT, List.of("a"), errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("options", "options", "options");

        errors.clear();
        CustomFieldRules.checkOptions(SELECT, Arrays.asList("a", "a", " ", "x".repeat(201), null), errors);
        assertThat(errors)
                .extracting(FieldError::field)
                .containsExactly("options[1]", "options[2]", "options[3]", "options[4]");
    }
}

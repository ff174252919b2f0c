package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/** A malformed body is described by where it broke and why, never by the parser's own vocabulary. */
class RequestBodyErrorsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aBodyThatEndsEarlySaysWhereAndWhy() {
        assertThat(RequestBodyErrors.notJson(unreadable("{\"name\": \"x\"")))
                .isEqualTo("The body is not valid JSON at line 1, column 13: Unexpected end-of-input: expected close"
                        + " marker for Object");
    }

    @Test
    void aTrailingCommaSaysWhereAndWhy() {
        assertThat(RequestBodyErrors.notJson(unreadable("{\n  \"name\": \"x\",\n}")))
                .startsWith("The body is not valid JSON at line 3, column 1: Unexpected character ('}'")
                .doesNotContain("Source", "tools.jackson", "\n");
    }

    private static StreamReadException unreadable(String body) {
        return catchThrowableOfType(StreamReadException.class, () -> JSON.readTree(body));
    }
}

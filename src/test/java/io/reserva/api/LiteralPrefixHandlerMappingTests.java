package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

class LiteralPrefixHandlerMappingTests {

    @Test
    void theLiteralPrefixEndsAtTheFirstVariableOrWildcard() {
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/reservations/{id}"))
                .isEqualTo("/reservations/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/calendars/{token}.ics"))
                .isEqualTo("/calendars/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/booking/**")).isEqualTo("/booking/");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/files/f?o")).isEqualTo("/files/f");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("/organizations")).isEqualTo("/organizations");
        assertThat(LiteralPrefixHandlerMapping.literalPrefix("{*path}")).isEmpty();
    }

    @Test
    void aMappingHasOnePrefixPerPatternAndOneThatTakesEverythingWithoutPatterns() {
        var options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        var twoPaths = RequestMappingInfo.paths("/waitlist-entries/{id}", "/google/v3/GetWaitlistEntry")
                .options(options)
                .build();
        assertThat(LiteralPrefixHandlerMapping.prefixesOf(twoPaths))
                .containsExactlyInAnyOrder("/waitlist-entries/", "/google/v3/GetWaitlistEntry");

        var noPath = RequestMappingInfo.paths().options(options).build();
        assertThat(LiteralPrefixHandlerMapping.prefixesOf(noPath)).allMatch("/anything"::startsWith);
    }
}

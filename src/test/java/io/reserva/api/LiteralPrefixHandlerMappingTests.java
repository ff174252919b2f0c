package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
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

    @Test
    void aPatternIsIndexedUnderTheFirstSegmentOnlyWhenItsLiteralPartShowsAllOfIt() {
        assertThat(LiteralPrefixHandlerMapping.Index.firstSegmentOf("/reservations/{id}"))
                .isEqualTo("reservations");
        assertThat(LiteralPrefixHandlerMapping.Index.firstSegmentOf("/organizations"))
                .isEqualTo("organizations");
        assertThat(LiteralPrefixHandlerMapping.Index.firstSegmentOf("/booking/**"))
                .isEqualTo("booking");
        assertThat(LiteralPrefixHandlerMapping.Index.firstSegmentOf("/res*")).isNull();
        assertThat(LiteralPrefixHandlerMapping.Index.firstSegmentOf("/{id}")).isNull();
        assertThat(LiteralPrefixHandlerMapping.Index.firstSegmentOf("/")).isNull();
        assertThat(LiteralPrefixHandlerMapping.Index.firstSegmentOf("{*path}")).isNull();
    }

    @Test
    void aPathIsLookedUpAmongItsFirstSegmentsMappingsAndThoseThatCouldMatchAnyPath() {
        var options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(PathPatternParser.defaultInstance);
        var byId =
                RequestMappingInfo.paths("/reservations/{id}").options(options).build();
        var list = RequestMappingInfo.paths("/reservations").options(options).build();
        var other =
                RequestMappingInfo.paths("/organizations/{id}").options(options).build();
        var open = RequestMappingInfo.paths("/res*").options(options).build();
        Map<RequestMappingInfo, HandlerMethod> mappings = new LinkedHashMap<>();
        for (var info : List.of(byId, list, other, open)) {
            mappings.put(info, handler());
        }
        var index = new LiteralPrefixHandlerMapping.Index(mappings, info -> Set.of());

        assertThat(mappingsOf(index, "/reservations/0199")).containsExactlyInAnyOrder(byId, list, open);
        assertThat(mappingsOf(index, "/reservations")).containsExactlyInAnyOrder(byId, list, open);
        assertThat(mappingsOf(index, "/resources")).containsExactly(open);
        assertThat(mappingsOf(index, "/")).containsExactly(open);
    }

    private static List<RequestMappingInfo> mappingsOf(LiteralPrefixHandlerMapping.Index index, String path) {
        return index.candidates(path).stream()
                .map(LiteralPrefixHandlerMapping.Candidate::mapping)
                .toList();
    }

    private static HandlerMethod handler() {
        try {
            return new HandlerMethod(new Object(), Object.class.getMethod("toString"));
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }
}

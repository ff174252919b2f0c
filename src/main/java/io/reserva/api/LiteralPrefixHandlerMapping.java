package io.reserva.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, looked up without testing every one of them in full.
 *
 * <p>A path with a variable ({@code /reservations/{id}}) has no direct entry, so Spring MVC evaluates every
 * registered mapping's conditions against the request: with about 200 endpoints that was 40% of the CPU of a
 * read by id (each test also reads request attributes through every filter's wrapper). A pattern can only
 * match a path that starts with its literal part (the text before its first {@code {}, {@code *} or
 * {@code ?}), so this mapping skips, with one {@code startsWith}, every mapping none of whose patterns could
 * match, and lets Spring decide the rest exactly as before. Paths with percent-encoded characters are matched
 * against decoded pattern text, so they skip nothing. Answers for no match (404, 405, 415) are built by
 * Spring from all mappings, untouched by this.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();
    private static final String[] ANY = {""};

    private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        LOOKUP_PATH.set(lookupPath.indexOf('%') < 0 ? lookupPath : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            LOOKUP_PATH.remove();
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String path = LOOKUP_PATH.get();
        if (path != null
                && !couldMatch(prefixes.computeIfAbsent(info, LiteralPrefixHandlerMapping::prefixesOf), path)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean couldMatch(String[] literalPrefixes, String path) {
        for (String prefix : literalPrefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static String[] prefixesOf(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || condition.getPatterns().isEmpty()) {
            return ANY;
        }
        return condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(LiteralPrefixHandlerMapping::literalPrefix)
                .toArray(String[]::new);
    }

    static String literalPrefix(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                return pattern.substring(0, i);
            }
        }
        return pattern;
    }
}

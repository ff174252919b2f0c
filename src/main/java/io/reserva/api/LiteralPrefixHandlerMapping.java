package io.reserva.api;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mappings, looked up among the few that could match instead of all of them.
 *
 * <p>A path with a variable ({@code /reservations/{id}}) has no direct entry, so Spring MVC evaluates every
 * registered mapping's conditions against the request: with about 200 endpoints that was 40% of the CPU of a
 * read by id. Skipping each mapping with a {@code startsWith} still walked all of them per request (10% of a read
 * by id under load). A pattern can only match a path that starts with its literal part (the text before its first
 * {@code {}, {@code *} or {@code ?}), so the mappings are indexed once by the first path segment of that literal
 * part; a request tests only the mappings under its own first segment and those whose literal part ends inside
 * the first segment. Among those, Spring decides exactly as before: direct paths first, its own conditions and
 * its own ordering of the matches. Paths with percent-encoded characters (matched against decoded pattern text),
 * CORS preflights and requests that match nothing (the 404, 405 and 415 answers are built from all mappings) go to
 * Spring's own lookup.
 */
class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    private static final String[] ANY = {""};

    /** Rebuilt after a mapping is registered or removed at run time; null until the first lookup. */
    private volatile Index index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (lookupPath.indexOf('%') >= 0 || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Index current = index;
        if (current == null) {
            current = new Index(getHandlerMethods(), this::getDirectPaths);
            index = current;
        }
        HandlerMethod found = lookup(current, lookupPath, request);
        return found != null ? found : super.lookupHandlerMethod(lookupPath, request);
    }

    private HandlerMethod lookup(Index current, String lookupPath, HttpServletRequest request) {
        List<Candidate> candidates = current.candidates(lookupPath);
        List<Match> matches = new ArrayList<>();
        // As Spring does: mappings registered under this exact path first, the patterns only when none matches.
        for (Candidate candidate : candidates) {
            if (candidate.directPaths().contains(lookupPath)) {
                addIfMatching(candidate, request, matches);
            }
        }
        if (matches.isEmpty()) {
            for (Candidate candidate : candidates) {
                if (candidate.couldMatch(lookupPath)) {
                    addIfMatching(candidate, request, matches);
                }
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        Match best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> mappingOrder = getMappingComparator(request);
            Comparator<Match> order = (a, b) -> mappingOrder.compare(a.mapping(), b.mapping());
            matches.sort(order);
            best = matches.get(0);
            if (order.compare(best, matches.get(1)) == 0) {
                Method m1 = best.handlerMethod().getMethod();
                Method m2 = matches.get(1).handlerMethod().getMethod();
                throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                        + "': {" + m1 + ", " + m2 + "}");
            }
        }
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, best.handlerMethod());
        handleMatch(best.mapping(), lookupPath, request);
        return best.handlerMethod();
    }

    private void addIfMatching(Candidate candidate, HttpServletRequest request, List<Match> matches) {
        RequestMappingInfo match = getMatchingMapping(candidate.mapping(), request);
        if (match != null) {
            matches.add(new Match(match, candidate.handlerMethod()));
        }
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    private record Match(RequestMappingInfo mapping, HandlerMethod handlerMethod) {}

    record Candidate(
            RequestMappingInfo mapping,
            HandlerMethod handlerMethod,
            String[] literalPrefixes,
            Set<String> directPaths) {

        boolean couldMatch(String path) {
            for (String prefix : literalPrefixes) {
                if (path.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The mappings by the first segment of their literal prefixes ({@code reservations} for
     * {@code /reservations/{id}}), and those whose literal prefix does not reach past the first segment
     * ({@code /{id}}, {@code /res*}, no pattern at all), which any path may match and which every segment's list
     * ends with.
     */
    static final class Index {

        private final Map<String, List<Candidate>> byFirstSegment = new HashMap<>();
        private final List<Candidate> everywhere = new ArrayList<>();

        Index(
                Map<RequestMappingInfo, HandlerMethod> handlerMethods,
                Function<RequestMappingInfo, Set<String>> directPaths) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMethods.entrySet()) {
                String[] prefixes = prefixesOf(entry.getKey());
                Candidate candidate = new Candidate(
                        entry.getKey(), entry.getValue(), prefixes, Set.copyOf(directPaths.apply(entry.getKey())));
                List<String> patterns = patternsOf(entry.getKey());
                List<String> segments = patterns.isEmpty() ? null : new ArrayList<>();
                for (String pattern : patterns) {
                    String segment = firstSegmentOf(pattern);
                    if (segment == null) {
                        segments = null;
                        break;
                    }
                    if (!segments.contains(segment)) {
                        segments.add(segment);
                    }
                }
                if (segments == null) {
                    everywhere.add(candidate);
                } else {
                    for (String segment : segments) {
                        byFirstSegment
                                .computeIfAbsent(segment, s -> new ArrayList<>())
                                .add(candidate);
                    }
                }
            }
            byFirstSegment.values().forEach(candidates -> candidates.addAll(everywhere));
        }

        List<Candidate> candidates(String path) {
            String segment = firstSegment(path);
            return segment == null ? everywhere : byFirstSegment.getOrDefault(segment, everywhere);
        }

        /**
         * The first segment every path the pattern matches starts with, or null when the pattern leaves it open
         * ({@code /{id}}, {@code /res*}).
         */
        static String firstSegmentOf(String pattern) {
            String literal = literalPrefix(pattern);
            if (!literal.startsWith("/")) {
                return null;
            }
            int end = literal.indexOf('/', 1);
            if (end > 1) {
                return literal.substring(1, end);
            }
            // "/organizations" is literal to its end; "/res" of "/res*" may continue into the segment.
            return end < 0 && literal.length() == pattern.length() && literal.length() > 1
                    ? literal.substring(1)
                    : null;
        }

        /** The first segment of a request path; null for "/" or a path that does not start with "/". */
        static String firstSegment(String path) {
            if (!path.startsWith("/") || path.length() < 2) {
                return null;
            }
            int end = path.indexOf('/', 1);
            return end < 0 ? path.substring(1) : path.substring(1, end);
        }
    }

    static String[] prefixesOf(RequestMappingInfo info) {
        List<String> patterns = patternsOf(info);
        return patterns.isEmpty()
                ? ANY
                : patterns.stream()
                        .map(LiteralPrefixHandlerMapping::literalPrefix)
                        .toArray(String[]::new);
    }

    /** The mapping's path patterns; empty when it has none (it then matches any path). */
    static List<String> patternsOf(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null) {
            return List.of();
        }
        return condition.getPatterns().stream()
                .map(PathPattern::getPatternString)
                .toList();
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

package io.reserva.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running application's own {@code /openapi.json} as a contract for what it answers: every response to a
 * documented operation must have a documented status, a documented content type and a body that validates
 * against the documented schema (OpenAPI 3.1 schemas are JSON Schema 2020-12, checked by networknt's validator
 * with format assertions on). {@link TestApi} checks every response with it, so every integration test checks
 * the document for free. Paths the document does not describe (pages, health, metrics) and methods a path does
 * not offer are not operations and are not checked.
 */
public final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOCUMENT_IRI = "https://reserva.test/openapi.json";
    private static final Map<String, OpenApiContract> ONCE_PER_JVM = new ConcurrentHashMap<>();

    /**
     * {@code -Dopenapi.contract=record}: write every mismatch to {@code target/openapi-contract-mismatches.txt}
     * instead of failing at the first, to see everything a batch of tests finds in one run.
     */
    private static final boolean RECORD_ONLY = "record".equals(System.getProperty("openapi.contract"));

    private static final Path RECORD = Path.of("target", "openapi-contract-mismatches.txt");

    private final JsonNode document;
    private final List<PathTemplate> paths;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private volatile Schema documentSchema;

    private OpenApiContract(String documentText) {
        this.document = JSON.readTree(documentText);
        this.paths = document.get("paths").propertyNames().stream()
                .map(PathTemplate::of)
                .sorted(Comparator.comparingInt(PathTemplate::variables))
                .toList();
        this.registry = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(), builder -> builder.schemas(Map.of(DOCUMENT_IRI, documentText)));
    }

    /**
     * The contract of the application, fetched once per test JVM from the first {@code base} asked. Every context
     * of the suite serves the same document (no test setting changes a path or a schema), and springdoc builds it
     * at the first request, about 6 s on two cores: one document instead of one per context and second node saves
     * close to a minute of the suite. A context that served something else would fail loudly here, not pass.
     */
    public static OpenApiContract of(String base) {
        return ONCE_PER_JVM.computeIfAbsent("jvm", first -> fetch(base));
    }

    /** The contract of a document already at hand (for tests of the document itself). */
    public static OpenApiContract ofDocument(String documentText) {
        return new OpenApiContract(documentText);
    }

    public JsonNode document() {
        return document;
    }

    private static OpenApiContract fetch(String base) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = client.send(
                    // springdoc builds the document at the first request: about 6 s alone on 2 cores, but 50-110 s
                    // was measured on a machine running several builds at once.
                    HttpRequest.newBuilder(URI.create(base + "/openapi.json"))
                            .timeout(Duration.ofSeconds(180))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/openapi.json answered " + response.statusCode());
            }
            return new OpenApiContract(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + base + "/openapi.json", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Throws an {@link AssertionError} naming the operation, the status and what does not match when the response
     * is not the one the document promises.
     */
    public void check(String method, String pathAndQuery, int status, String contentType, String body) {
        try {
            checkOrThrow(method, pathAndQuery, status, contentType, body);
        } catch (AssertionError mismatch) {
            if (!RECORD_ONLY) {
                throw mismatch;
            }
            try {
                Files.writeString(
                        RECORD, mismatch.getMessage() + "\n\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void checkOrThrow(String method, String pathAndQuery, int status, String contentType, String body) {
        String path = pathAndQuery.split("[?#]", 2)[0];
        Optional<PathTemplate> template =
                paths.stream().filter(t -> t.matches(path)).findFirst();
        if (template.isEmpty()) {
            return;
        }
        String verb = method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.get("paths").get(template.get().text()).get(verb);
        if (operation == null) {
            return;
        }
        String where = method + " " + template.get().text() + " (" + pathAndQuery + ") answered " + status;
        String status3 = Integer.toString(status);
        String responsePointer = "/paths/" + escape(template.get().text()) + "/" + verb + "/responses/";
        JsonNode responses = operation.path("responses");
        String key = responses.has(status3)
                ? status3
                : responses.has(status3.charAt(0) + "XX") ? status3.charAt(0) + "XX" : "default";
        JsonNode response = responses.get(key);
        if (response == null) {
            throw new AssertionError(where + ", a status the document does not list (it lists "
                    + String.join(", ", responses.propertyNames()) + "): " + abbreviate(body));
        }
        JsonNode content = response.get("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (!hasBody) {
            if (content != null && !content.isEmpty() && status != 204 && !"HEAD".equals(method)) {
                throw new AssertionError(where + " without a body, but the document promises "
                        + String.join(", ", content.propertyNames()));
            }
            return;
        }
        if (content == null || content.isEmpty()) {
            throw new AssertionError(
                    where + " with a body of " + contentType + ", but the document promises none: " + abbreviate(body));
        }
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Optional<String> documented = content.propertyNames().stream()
                .filter(candidate -> mediaTypeMatches(candidate, mediaType))
                .findFirst();
        if (documented.isEmpty()) {
            throw new AssertionError(where + " with Content-Type " + contentType + ", the document promises "
                    + String.join(", ", content.propertyNames()));
        }
        if (!mediaType.endsWith("json") || content.get(documented.get()).get("schema") == null) {
            return;
        }
        String schemaPointer = responsePointer + escape(key) + "/content/" + escape(documented.get()) + "/schema";
        List<Error> errors = validate(schemaPointer, body);
        if (!errors.isEmpty()) {
            throw new AssertionError(where + " with a body that does not match the document ("
                    + documented.get() + "):\n  "
                    + errors.stream().map(Error::toString).limit(10).collect(Collectors.joining("\n  "))
                    + "\nbody: " + abbreviate(body));
        }
    }

    /** What is wrong with {@code json} measured against the schema at {@code pointer} in the document. */
    public List<Error> validate(String pointer, String json) {
        return validate(pointer, JSON.readTree(json));
    }

    /** What is wrong with {@code value} measured against the schema at {@code pointer} in the document. */
    public List<Error> validate(String pointer, JsonNode value) {
        // Each schema is taken from the one document schema: asking the registry for "document#pointer" parses the
        // whole document again for every pointer and keeps each copy (hundreds of copies ran the tests out of heap).
        Schema schema = schemas.computeIfAbsent(
                pointer,
                p -> documentSchema()
                        .getRefSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p).getFragment()));
        return schema.validate(
                value, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    private Schema documentSchema() {
        Schema root = documentSchema;
        if (root == null) {
            root = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI));
            documentSchema = root;
        }
        return root;
    }

    /** A JSON pointer segment: {@code ~} and {@code /} escaped. */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    private static boolean mediaTypeMatches(String documented, String actual) {
        String candidate = documented.toLowerCase(Locale.ROOT);
        if (candidate.equals(actual) || candidate.equals("*/*")) {
            return true;
        }
        return candidate.endsWith("/*") && actual.startsWith(candidate.substring(0, candidate.length() - 1));
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    private record PathTemplate(String text, Pattern pattern, int variables) {

        static PathTemplate of(String text) {
            List<String> parts = new ArrayList<>();
            int variables = 0;
            for (String segment : text.split("/", -1)) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    parts.add("[^/]+");
                    variables++;
                } else {
                    parts.add(Pattern.quote(segment));
                }
            }
            return new PathTemplate(text, Pattern.compile(String.join("/", parts)), variables);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}

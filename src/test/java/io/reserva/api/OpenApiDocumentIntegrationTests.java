package io.reserva.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.OpenApiContract;
import io.reserva.support.TestApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The document as served: OpenAPI 3.1, every example valid against its own schema (what Redocly's
 * {@code no-invalid-*-examples} rules check), and saved to {@code target/openapi.json} for
 * {@code scripts/lint-openapi.sh}.
 */
@IntegrationTest
class OpenApiDocumentIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void everyExampleValidatesAgainstItsOwnSchema() throws IOException {
        TestApi.Response served = new TestApi(port).get(null, "/openapi.json");
        TestApi.expect(served, 200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), served.text());
        assertThat(served.body().get("openapi").asString()).startsWith("3.1");

        OpenApiContract contract = OpenApiContract.ofDocument(served.text());
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
        examples(served.body(), "", false, (schemaPointer, example, where) -> {
            checked[0]++;
            contract.validate(schemaPointer, example)
                    .forEach(error -> wrong.add(where + ": " + error + " (example " + example + ")"));
        });
        assertThat(checked[0]).as("examples checked").isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDocumentSaysWhatTheServerAnswers() {
        JsonNode paths = OpenApiContract.of(new TestApi(port).base()).document().get("paths");
        JsonNode create = paths.get("/reservations").get("post").get("responses");
        assertThat(create.has("201")).isTrue();
        assertThat(create.has("200")).isFalse();
        assertThat(create.get("201").get("content").has("application/json")).isTrue();
        JsonNode schemas = OpenApiContract.of(new TestApi(port).base())
                .document()
                .get("components")
                .get("schemas");
        assertThat(schemas.get("Event").get("properties").get("data").toString())
                .contains("\"object\"");
    }

    private interface ExampleSink {
        void accept(String schemaPointer, JsonNode example, String where);
    }

    /**
     * Every example: {@code example} of a schema, of a parameter or of a media type, and each {@code value} of a
     * media type's {@code examples}. Under {@code properties} the keys are
     * property names, not keywords; examples themselves are values, not walked.
     */
    private static void examples(JsonNode node, String pointer, boolean propertyNames, ExampleSink sink) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                examples(node.get(i), pointer + "/" + i, false, sink);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (!propertyNames) {
            boolean hasSchema = node.has("schema") && node.get("schema").isObject();
            String schemaPointer = hasSchema ? pointer + "/schema" : pointer;
            if (node.has("example") && !pointer.startsWith("/components/examples")) {
                sink.accept(schemaPointer, node.get("example"), pointer + "/example");
            }
            if (hasSchema
                    && node.get("examples") != null
                    && node.get("examples").isObject()) {
                for (Map.Entry<String, JsonNode> named : node.get("examples").properties()) {
                    if (named.getValue().has("value")) {
                        sink.accept(
                                schemaPointer, named.getValue().get("value"), pointer + "/examples/" + named.getKey());
                    }
                }
            }
            if (!hasSchema
                    && node.get("examples") != null
                    && node.get("examples").isArray()) {
                for (int i = 0; i < node.get("examples").size(); i++) {
                    sink.accept(pointer, node.get("examples").get(i), pointer + "/examples/" + i);
                }
            }
        }
        for (Map.Entry<String, JsonNode> child : node.properties()) {
            if (!propertyNames
                    && (child.getKey().equals("example") || child.getKey().equals("examples"))) {
                continue; // values, not schemas
            }
            boolean names = !propertyNames && child.getKey().equals("properties");
            examples(child.getValue(), pointer + "/" + OpenApiContract.escape(child.getKey()), names, sink);
        }
    }
}

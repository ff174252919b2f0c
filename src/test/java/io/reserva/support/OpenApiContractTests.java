package io.reserva.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The response check fails on each kind of lie the document can tell, and passes on the truth. */
class OpenApiContractTests {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {
               "/things/{id}": {"get": {"responses": {
                 "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "404": {"description": "no", "content": {"application/problem+json": {"schema": {"type": "object"}}}}}},
                 "delete": {"responses": {"204": {"description": "gone"}}}},
               "/things/export": {"get": {"responses": {"200": {"description": "ok",
                 "content": {"text/csv": {"schema": {"type": "string"}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object", "required": ["id"],
               "properties": {"id": {"type": "string", "format": "uuid"}, "note": {"type": ["string", "null"]}}}}}}
            """;
    private static final String ID = "/things/0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    private static final String THING = "{\"id\": \"0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b\", \"note\": null}";

    private final OpenApiContract contract = OpenApiContract.ofDocument(DOCUMENT);

    @Test
    void aDocumentedAnswerPasses() {
        assertThatCode(() -> contract.check("GET", ID + "?x=1", 200, "application/json", THING))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check("GET", ID, 404, "application/problem+json", "{}"))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check("DELETE", ID, 204, "", "")).doesNotThrowAnyException();
        assertThatCode(() -> contract.check("GET", "/things/export", 200, "text/csv; charset=utf-8", "a,b"))
                .as("a literal path wins over a template")
                .doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedStatusFailsNamingTheOperation() {
        assertThatThrownBy(() -> contract.check("GET", ID, 409, "application/problem+json", "{}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /things/{id}")
                .hasMessageContaining("409")
                .hasMessageContaining("200, 404");
    }

    @Test
    void aBodyOffItsSchemaFailsWithTheValidatorsMessage() {
        assertThatThrownBy(() -> contract.check("GET", ID, 200, "application/json", "{\"id\": \"abc\", \"note\": 4}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/id")
                .hasMessageContaining("/note");
        assertThatThrownBy(() -> contract.check("GET", ID, 200, "application/json", "{\"note\": \"x\"}"))
                .hasMessageContaining("id");
    }

    @Test
    void anUndocumentedContentTypeOrBodyFails() {
        assertThatThrownBy(() -> contract.check("GET", ID, 200, "text/html", "<p>"))
                .hasMessageContaining("Content-Type text/html");
        assertThatThrownBy(() -> contract.check("DELETE", ID, 204, "application/json", THING))
                .hasMessageContaining("promises none");
        assertThatThrownBy(() -> contract.check("GET", ID, 200, "", "")).hasMessageContaining("without a body");
    }

    @Test
    void whatIsNotAnOperationIsNotChecked() {
        assertThatCode(() -> contract.check("GET", "/health", 200, "text/plain", "UP"))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check("PUT", ID, 405, "application/problem+json", "{}"))
                .doesNotThrowAnyException();
    }
}

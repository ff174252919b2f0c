package io.reserva.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.support.IntegrationTest;
import io.reserva.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The new endpoints are in /openapi.json, spelled as on the wire, with examples. */
@IntegrationTest
class ContactApiDocumentationIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theNewEndpointsAreDocumentedWithExamples() {
        TestApi.Response document = new TestApi(port).get(null, "/openapi.json");
        TestApi.expect(document, 200);
        JsonNode paths = document.body().get("paths");
        for (String path : new String[] {"/contacts", "/companies", "/deals", "/custom-fields"}) {
            assertThat(paths.has(path)).as(path).isTrue();
            assertThat(paths.get(path).has("get")).as(path).isTrue();
            assertThat(paths.get(path).has("post")).as(path).isTrue();
            JsonNode byId = paths.get(path + "/{id}");
            assertThat(byId.has("get") && byId.has("patch") && byId.has("delete"))
                    .as(path)
                    .isTrue();
            assertThat(paths.get(path).get("get").get("parameters").findValuesAsString("name"))
                    .as(path)
                    .contains("organization_id", "searchTerm", "$cursor", "filters");
        }
        JsonNode schemas = document.body().get("components").get("schemas");
        JsonNode contact = schemas.get("Contact").get("properties");
        assertThat(contact.get("email").get("example").asString()).isEqualTo("ana.garcia@example.com");
        assertThat(contact.has("custom_fields_by_key")).isTrue();
        assertThat(contact.has("visit_count")).isTrue();
        JsonNode customField = schemas.get("CustomField").get("properties");
        assertThat(customField.has("is_required")).isTrue();
        assertThat(customField.get("field_type").toString()).contains("multiselect");
        assertThat(schemas.get("Deal")
                        .get("properties")
                        .get("amount")
                        .get("example")
                        .asDouble())
                .isEqualTo(2400.0);
        assertThat(schemas.has("ContactChanges")).isTrue();
    }
}

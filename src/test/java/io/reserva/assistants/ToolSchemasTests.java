package io.reserva.assistants;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.reservations.NewReservation;
import io.reserva.reservations.ReservationChanges;
import io.reserva.reservations.ReservationManagement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The argument schemas are read from the REST request types and query definitions, constraints included. */
class ToolSchemasTests {

    @Test
    @SuppressWarnings("unchecked")
    void aRequestRecordBecomesAnObjectSchemaWithItsConstraints() {
        Map<String, Object> schema =
                ToolSchemas.forRecord(NewReservation.class, Set.of("override", "source"), false, Set.of());
        assertThat(schema.get("type")).isEqualTo("object");
        assertThat(schema.get("additionalProperties")).isEqualTo(false);
        assertThat((List<String>) schema.get("required"))
                .containsExactlyInAnyOrder("service_id", "party_size", "start_datetime");
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(properties).doesNotContainKeys("override", "source").containsKey("custom_fields_by_key");
        assertThat(properties.get("party_size"))
                .isEqualTo(Map.of("type", "integer", "minimum", 1L, "maximum", 1000L, "examples", List.of(4L)));
        assertThat((Map<String, Object>) properties.get("service_id"))
                .containsEntry("type", "string")
                .containsEntry("format", "uuid");
        assertThat((Map<String, Object>) properties.get("start_datetime")).containsEntry("format", "date-time");
        assertThat((Map<String, Object>) properties.get("customer_notes")).containsEntry("maxLength", 5000);
        assertThat((Map<String, Object>) properties.get("status"))
                .containsEntry("type", "string")
                .containsKey("enum");
        assertThat((List<String>) ((Map<String, Object>) properties.get("status")).get("enum"))
                .contains("held", "confirmed", "cancelled");
        Map<String, Object> contact = (Map<String, Object>) properties.get("contact");
        assertThat(contact.get("type")).isEqualTo("object");
        assertThat((Map<String, Object>) contact.get("properties")).containsKeys("first_name", "email", "phone");
        assertThat((Map<String, Object>) properties.get("assigned_resources")).containsEntry("type", "array");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPatchSchemaLetsOptionalFieldsBeClearedButNotTheOnesThatCannotBe() {
        Map<String, Object> schema =
                ToolSchemas.forRecord(ReservationChanges.class, Set.of(), true, Set.of("start_datetime"));
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(((Map<String, Object>) properties.get("customer_notes")).get("type"))
                .isEqualTo(List.of("string", "null"));
        assertThat(((Map<String, Object>) properties.get("start_datetime")).get("type"))
                .isEqualTo("string");
        assertThat(schema).doesNotContainKey("required");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aListQueryBecomesFiltersWithOperatorsSortAndPaging() {
        Map<String, Object> schema = ToolSchemas.forQuery(ReservationManagement.QUERY, Map.of());
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        assertThat(properties).containsKeys("status", "start_datetime", "searchTerm", "$sort", "$limit", "$skip");
        assertThat(properties).doesNotContainKeys("organization_id", "$cursor");
        List<Map<String, Object>> status =
                (List<Map<String, Object>>) ((Map<String, Object>) properties.get("status")).get("anyOf");
        assertThat((List<String>) status.get(0).get("enum")).contains("confirmed", "no_show");
        Map<String, Object> operators = (Map<String, Object>) status.get(1).get("properties");
        assertThat(operators).containsKeys("$in", "$nin", "$ne", "$gte", "$lt");
        assertThat((Map<String, Object>) properties.get("$limit")).containsEntry("maximum", 50);
    }

    @Test
    void eachToolKeyIsItsEnumName() {
        assertThat(AssistantTool.fromKey("get_available_slots")).contains(AssistantTool.GET_AVAILABLE_SLOTS);
        assertThat(AssistantTool.fromKey("GET_AVAILABLE_SLOTS")).isEmpty();
    }
}

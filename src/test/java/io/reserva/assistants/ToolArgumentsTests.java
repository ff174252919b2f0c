package io.reserva.assistants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.reserva.reservations.NewReservation;
import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import jakarta.validation.Validation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Checking and binding tool arguments, without Spring or a database: every refusal names its field. */
class ToolArgumentsTests {

    /** The API's mapper settings that binding relies on (application.yaml, spring.jackson). */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    final ToolArguments arguments =
            new ToolArguments(JSON, Validation.buildDefaultValidatorFactory().getValidator());
    final ToolCatalogue catalogue = new ToolCatalogue();

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() {
        ReservaException refused = refusal(() -> arguments.bind(
                Map.of("service_id", "not-a-uuid", "party_size", 2, "start_datetime", "2027-03-08T18:00:00Z"),
                NewReservation.class));
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("service_id");
    }

    @Test
    void beanValidationIsTheApisAndNamesEveryFieldInWireForm() {
        ReservaException refused =
                refusal(() -> arguments.bind(Map.of("party_size", 0, "date", "2027-03-08"), SlotArguments.class));
        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("party_size", "service_id");
    }

    @Test
    void argumentsOutsideTheSchemaAreRefusedByNameAndStaffOnlyOnesSaySo() {
        ReservaException refused = refusal(() -> ToolArguments.checkNames(
                AssistantTool.CREATE_RESERVATION,
                catalogue.argumentNames(AssistantTool.CREATE_RESERVATION),
                Map.of("override", true, "colour", "red")));
        assertThat(refused.errors())
                .extracting(e -> e.field() + " " + e.message())
                .containsExactlyInAnyOrder(
                        "override is not available to assistants", "colour is not an argument of create_reservation");
        ToolArguments.checkNames(
                AssistantTool.CREATE_RESERVATION,
                catalogue.argumentNames(AssistantTool.CREATE_RESERVATION),
                Map.of("service_id", "x", "idempotency_key", "k"));
    }

    @Test
    void aTextWithNulIsRefusedNamingWhereItIs() {
        ReservaException refused = refusal(() -> ToolArguments.checkNoNul(Map.of(
                "customer_notes",
                "ok",
                "contact",
                Map.of("first_name", "An\u0000a"),
                "tags",
                List.of("a", "b\u0000"))));
        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("contact.first_name", "tags[1]");
        assertThat(refused.getMessage()).contains("NUL");
        ToolArguments.checkNoNul(Map.of("customer_notes", "no nul here", "party_size", 2));
    }

    @Test
    void aListToolsArgumentsBecomeTheEndpointsQueryString() {
        Map<String, String[]> query = ToolArguments.queryParameters(
                Map.of(
                        "status",
                        Map.of("$in", List.of("pending", "confirmed")),
                        "$sort",
                        Map.of("start_datetime", -1),
                        "resource",
                        "skipped"),
                "resource");
        assertThat(query).containsOnlyKeys("status[$in]", "$sort[start_datetime]");
        assertThat(query.get("status[$in]")).containsExactly("pending", "confirmed");
        assertThat(query.get("$sort[start_datetime]")).containsExactly("-1");

        ReservaException refused = refusal(() -> ToolArguments.queryParameters(
                Map.of("$sort", "start_datetime", "status", List.of("pending"), "party_size", Map.of()), null));
        assertThat(refused.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder("$sort", "status", "party_size");
    }

    @Test
    void idsAreRefusedAsTheirEndpointsRefuseThem() {
        assertThat(refusal(() -> ToolArguments.requiredId(null, "id")).getMessage())
                .isEqualTo("id: is required");
        assertThat(refusal(() -> ToolArguments.requiredId(7, "id")).getMessage())
                .isEqualTo("id: must be a UUID");
        assertThat(refusal(() -> ToolArguments.optionalFilterId("x", "resource"))
                        .code())
                .isEqualTo(ErrorCode.INVALID_QUERY);
        assertThat(ToolArguments.optionalFilterId(null, "resource")).isNull();
    }

    @Test
    void aMissingRangeEndIsNamed() {
        assertThatThrownBy(() -> GetAvailableSlotsHandler.search(arguments.bind(
                        Map.of("service_id", UUID.randomUUID().toString(), "start_date", "2027-03-01"),
                        SlotArguments.class)))
                .isInstanceOf(ReservaException.class)
                .hasMessage("end_date is required for a range");
    }

    static ReservaException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ReservaException.class);
        return (ReservaException) thrown;
    }
}

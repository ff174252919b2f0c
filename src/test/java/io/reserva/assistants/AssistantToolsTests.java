package io.reserva.assistants;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.tenancy.Caller;
import io.reserva.tenancy.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** Dispatching a tool call and writing its audit row, without Spring or a database. */
class AssistantToolsTests {

    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    final List<ToolCall> recorded = new ArrayList<>();
    final List<Map<String, Object>> handled = new ArrayList<>();
    final List<Caller> callers = new ArrayList<>();
    RuntimeException failure;

    final ToolHandler services = new ToolHandler() {
        @Override
        public AssistantTool tool() {
            return AssistantTool.GET_RESERVATION_SERVICES;
        }

        @Override
        public Object handle(Caller caller, AiAssistant assistant, Map<String, Object> arguments) {
            callers.add(caller);
            handled.add(arguments);
            if (failure != null) {
                throw failure;
            }
            return Map.of("total", 0, "data", List.of());
        }
    };

    final ToolCallRepository repository = new ToolCallRepository(null, null) {
        @Override
        void insert(ToolCall call) {
            recorded.add(call);
        }
    };

    final AssistantTools tools = new AssistantTools(
            new ToolCatalogue(),
            List.of(services),
            new ToolAuditTrail(repository, Clock.fixed(NOW, ZoneOffset.UTC)),
            ToolArgumentsTests.JSON);

    static AiAssistant assistant(boolean active, String... tools) {
        return new AiAssistant(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Concierge",
                "",
                new InternalTools(List.of(tools)),
                active,
                new AiAssistant.Credential(UUID.randomUUID(), "rsv_abc"),
                NOW,
                NOW);
    }

    @Test
    void aCallRunsItsHandlerAsTheAssistantAndIsRecorded() {
        AiAssistant assistant = assistant(true, "get_reservation_services");
        ToolOutcome outcome = tools.call(assistant, "get_reservation_services", Map.of("is_active", true), "mcp");
        assertThat(outcome.isError()).isFalse();
        assertThat(outcome.result()).containsEntry("total", 0);
        assertThat(callers).singleElement().satisfies(caller -> {
            assertThat(caller.role()).isEqualTo(Role.ASSISTANT);
            assertThat(caller.organizationId()).isEqualTo(assistant.organizationId());
            assertThat(caller.apiKeyId()).isEqualTo(assistant.credential().apiKeyId());
        });
        assertThat(recorded).singleElement().satisfies(row -> {
            assertThat(row.tool()).isEqualTo("get_reservation_services");
            assertThat(row.channel()).isEqualTo("mcp");
            assertThat(row.outcome()).isEqualTo("ok");
            assertThat(row.arguments()).isEqualTo(Map.of("is_active", true));
            assertThat(row.createdAt()).isEqualTo(NOW);
        });
    }

    @Test
    void anUnknownADisabledOrAnInactivesToolIsNotFoundAndRecorded() {
        AiAssistant assistant = assistant(true, "get_reservation_services");
        ToolOutcome unknown = tools.call(assistant, "drop_tables", null, "rest");
        assertThat(unknown.error().code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(unknown.error().getMessage())
                .isEqualTo("Unknown tool 'drop_tables': this assistant's tools are get_reservation_services");
        ToolOutcome disabled = tools.call(assistant, "find_reservations", Map.of(), "rest");
        assertThat(disabled.error().code()).isEqualTo(ErrorCode.NOT_FOUND);
        ToolOutcome inactive =
                tools.call(assistant(false, "get_reservation_services"), "get_reservation_services", Map.of(), "mcp");
        assertThat(inactive.error().getMessage()).endsWith("tools are none");
        // Enabled for the assistant but without a handler here: unknown too, never a crash.
        ToolOutcome unhandled =
                tools.call(assistant(true, "get_available_slots"), "get_available_slots", Map.of(), "mcp");
        assertThat(unhandled.error().code()).isEqualTo(ErrorCode.NOT_FOUND);

        assertThat(handled).isEmpty();
        assertThat(recorded).hasSize(4).allSatisfy(row -> {
            assertThat(row.outcome()).isEqualTo("error");
            assertThat(row.errorCode()).isEqualTo("not_found");
        });
        assertThat(recorded.get(0).tool()).isEqualTo("drop_tables");
        assertThat(recorded.get(0).arguments()).isEmpty();
    }

    @Test
    void argumentsOutsideTheSchemaNeverReachTheHandler() {
        ToolOutcome outcome = tools.call(
                assistant(true, "get_reservation_services"),
                "get_reservation_services",
                Map.of("organization_id", UUID.randomUUID().toString()),
                "mcp");
        assertThat(outcome.error().errors())
                .containsExactly(new FieldError("organization_id", "is not available to assistants"));
        assertThat(handled).isEmpty();
        assertThat(recorded).singleElement().extracting(ToolCall::errorCode).isEqualTo("validation_failed");
    }

    @Test
    void aTextWithNulIsAToolErrorNamingTheFieldAndItsRowIsStillWritten() {
        ToolOutcome outcome = tools.call(
                assistant(true, "get_reservation_services"),
                "get_reservation_services",
                Map.of("searchTerm", "An\u0000a"),
                "mcp");
        assertThat(outcome.error().code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(outcome.error().errors()).extracting(FieldError::field).containsExactly("searchTerm");
        assertThat(handled).isEmpty();
        assertThat(recorded).singleElement().satisfies(row -> {
            assertThat(row.arguments()).isEqualTo(Map.of("searchTerm", "An\\u0000a"));
            assertThat(row.errorMessage()).contains("searchTerm");
        });
    }

    @Test
    void aFailingFacadeIsAnErrorOutcomeNotAnException() {
        AiAssistant assistant = assistant(true, "get_reservation_services");
        failure = new DataAccessResourceFailureException("connection refused");
        assertThat(tools.call(assistant, "get_reservation_services", Map.of(), "rest")
                        .error()
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        failure = new IllegalStateException("bug");
        ToolOutcome crashed = tools.call(assistant, "get_reservation_services", Map.of(), "rest");
        assertThat(crashed.error().code()).isEqualTo(ErrorCode.INTERNAL_ERROR);
        assertThat(crashed.errorText()).doesNotContain("bug");
        failure = new ReservaException(ErrorCode.INVALID_QUERY, "status: unknown operator");
        assertThat(tools.call(assistant, "get_reservation_services", Map.of(), "rest")
                        .errorText())
                .isEqualTo("invalid_query: status: unknown operator");
        assertThat(recorded)
                .extracting(ToolCall::errorCode)
                .containsExactly("service_unavailable", "internal_error", "invalid_query");
    }
}

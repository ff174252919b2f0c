package io.reserva.assistants;

import static org.assertj.core.api.Assertions.assertThat;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.ReservaException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit row is written whatever the call held: what PostgreSQL cannot store is made storable. */
class ToolAuditTrailTests {

    final List<ToolCall> recorded = new ArrayList<>();
    int refusals;

    final ToolCallRepository repository = new ToolCallRepository(null, null) {
        @Override
        void insert(ToolCall call) {
            if (refusals > 0) {
                refusals--;
                throw new org.springframework.dao.DataIntegrityViolationException("refused");
            }
            recorded.add(call);
        }
    };

    final ToolAuditTrail trail =
            new ToolAuditTrail(repository, Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void nulIsRecordedEscapedInTheToolTheArgumentsAndTheMessage() {
        ToolOutcome outcome =
                new ToolOutcome("x\u0000", null, new ReservaException(ErrorCode.NOT_FOUND, "Unknown tool 'x\u0000'"));
        trail.record(
                AssistantToolsTests.assistant(true),
                "x\u0000",
                Map.of("na\u0000me", Map.of("list", List.of("a\u0000", 1, Map.of("k", "\u0000")))),
                "rest",
                outcome,
                3);
        assertThat(recorded).singleElement().satisfies(row -> {
            assertThat(row.tool()).isEqualTo("x\\u0000");
            assertThat(row.arguments())
                    .isEqualTo(Map.of("na\\u0000me", Map.of("list", List.of("a\\u0000", 1, Map.of("k", "\\u0000")))));
            assertThat(row.errorMessage()).isEqualTo("not_found: Unknown tool 'x\\u0000'");
            assertThat(row.durationMs()).isEqualTo(3);
        });
    }

    @Test
    void aRowTheDatabaseRefusesIsWrittenAgainWithoutItsArguments() {
        refusals = 1;
        trail.record(
                AssistantToolsTests.assistant(true),
                "find_reservations",
                Map.of("searchTerm", "ana"),
                "mcp",
                new ToolOutcome("find_reservations", Map.of(), null),
                1);
        assertThat(recorded).singleElement().satisfies(row -> {
            assertThat(row.tool()).isEqualTo("find_reservations");
            assertThat(row.outcome()).isEqualTo("ok");
            assertThat(row.arguments()).containsOnlyKeys("unrecorded");
        });
    }

    @Test
    void aLongToolNameIsCut() {
        trail.record(
                AssistantToolsTests.assistant(true),
                "t".repeat(500),
                Map.of(),
                "mcp",
                new ToolOutcome("t", null, new ReservaException(ErrorCode.NOT_FOUND, "Unknown")),
                0);
        assertThat(recorded.get(0).tool()).hasSize(ToolAuditTrail.MAX_TOOL_NAME);
    }
}

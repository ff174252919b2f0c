package io.reserva.shared.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reserva.shared.ReservaException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QueryDefinitionTests {

    static final QueryDefinition BOOKINGS = QueryDefinition.forResource("test-bookings")
            .field("id", "b.id", FieldType.UUID)
            .field("start_datetime", "b.start_datetime", FieldType.INSTANT)
            .field("party_size", "b.party_size", FieldType.INTEGER)
            .enumField("status", "b.status", Set.of("confirmed", "pending", "cancelled"))
            .nullableField("notes", "b.notes", FieldType.STRING)
            .searchOn("b.notes")
            .defaultSort("start_datetime", true)
            .organizationScoped()
            .build();

    @Test
    void defaultsAreTwentyRowsFromTheStart() {
        ListQuery query = BOOKINGS.parse(Map.of());
        assertThat(query.limit()).isEqualTo(20);
        assertThat(query.skip()).isZero();
        assertThat(query.sort()).extracting(key -> key.field().name()).containsExactly("start_datetime", "id");
    }

    @Test
    void largeLimitsAreClamped() {
        assertThat(BOOKINGS.parse(params("$limit", "1000")).limit()).isEqualTo(50);
        assertThat(BOOKINGS.parse(params("$limit", "1000", "$cursor", "*")).limit())
                .isEqualTo(500);
    }

    @Test
    void operatorsBecomeParameterisedSql() {
        ListQuery query = BOOKINGS.parse(params(
                "status[$in]", "confirmed,pending",
                "party_size[$gte]", "4",
                "notes", "null",
                "start_datetime[$lt]", "2027-03-28T18:30:00Z",
                "searchTerm", "50%_off"));
        Map<String, Object> parameters = new HashMap<>();
        List<String> conditions = ListQueries.filterConditions(query, parameters);
        assertThat(conditions)
                .containsExactly(
                        "(b.status in (:_p0))",
                        "b.party_size >= :_p1",
                        "b.notes is null",
                        "b.start_datetime < :_p3",
                        "(b.notes ilike :_search)");
        assertThat(parameters.get("_p0")).isEqualTo(List.of("confirmed", "pending"));
        assertThat(parameters.get("_p1")).isEqualTo(4L);
        assertThat(parameters.get("_search")).isEqualTo("%50\\%\\_off%");
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        assertThatThrownBy(() -> BOOKINGS.parse(params(
                        "colour", "red",
                        "status[$like]", "c%",
                        "party_size", "four",
                        "status", "seated",
                        "$sort[notes]", "up",
                        "$skip", "-1")))
                .isInstanceOfSatisfying(
                        ReservaException.class,
                        e -> assertThat(e.errors())
                                .extracting(io.reserva.shared.FieldError::field)
                                .containsExactlyInAnyOrder(
                                        "colour", "status[$like]", "party_size", "status", "$sort[notes]", "$skip"));
    }

    @Test
    void comparisonsDoNotTakeNull() {
        assertThatThrownBy(() -> BOOKINGS.parse(params("party_size[$gt]", "null")))
                .isInstanceOf(ReservaException.class);
    }

    @Test
    void organizationIdIsReadApart() {
        UUID organization = UUID.randomUUID();
        ListQuery query = BOOKINGS.parse(params("organization_id", organization.toString()));
        assertThat(query.organizationId()).isEqualTo(organization);
        assertThat(query.filters()).isEmpty();
    }

    private static Map<String, String[]> params(String... pairs) {
        Map<String, String[]> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return map;
    }
}

package io.reserva.shared.query;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import io.reserva.shared.Secrets;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a {@link ListQuery} against PostgreSQL: builds the WHERE clause from the filters (every value bound as a
 * parameter), the ORDER BY, and either LIMIT/OFFSET with a count or a keyset condition from the cursor.
 */
public final class ListQueries {

    private static final String SEPARATOR = "\u001f";
    private static final String CURSOR_VERSION = "c1";

    private ListQueries() {}

    /**
     * Runs the query.
     *
     * @param columns the select list, e.g. {@code o.*}
     * @param from the FROM clause (with joins), e.g. {@code organizations o}
     * @param scope the tenancy condition, always applied, e.g. {@code o.organization_id = :scope_org}
     * @param scopeParameters the parameters of that condition
     */
    public static <T> Page<T> run(
            JdbcClient jdbc,
            ListQuery query,
            String columns,
            String from,
            String scope,
            Map<String, Object> scopeParameters,
            RowMapper<T> mapper) {
        Map<String, Object> parameters = new LinkedHashMap<>(scopeParameters);
        List<String> conditions = new ArrayList<>();
        conditions.add(scope);
        conditions.addAll(filterConditions(query, parameters));
        String orderBy = String.join(
                ", ",
                query.sort().stream()
                        .map(key -> key.field().column() + (key.ascending() ? " asc" : " desc"))
                        .toList());
        if (query.isCursorPage()) {
            return keysetPage(jdbc, query, columns, from, conditions, parameters, orderBy, mapper);
        }
        String where = String.join(" and ", conditions);
        long total = count(jdbc, from, where, parameters);
        List<T> rows = query.limit() == 0
                ? List.of()
                : jdbc.sql("select " + columns + " from " + from + " where " + where + " order by " + orderBy
                                + " limit :_limit offset :_skip")
                        .params(parameters)
                        .param("_limit", query.limit())
                        .param("_skip", query.skip())
                        .query(mapper)
                        .list();
        return Page.offset(total, query.limit(), query.skip(), rows);
    }

    private static long count(JdbcClient jdbc, String from, String where, Map<String, Object> parameters) {
        return jdbc.sql("select count(*) from " + from + " where " + where)
                .params(parameters)
                .query(Long.class)
                .single();
    }

    private static <T> Page<T> keysetPage(
            JdbcClient jdbc,
            ListQuery query,
            String columns,
            String from,
            List<String> conditions,
            Map<String, Object> parameters,
            String orderBy,
            RowMapper<T> mapper) {
        List<SortKey> sort = query.sort();
        for (SortKey key : sort) {
            if (key.field().nullable()) {
                throw new ReservaException(
                        ErrorCode.INVALID_QUERY,
                        "$cursor pages cannot be sorted on '" + key.field().name() + "', which may be empty",
                        List.of(new FieldError("$sort[" + key.field().name() + "]", "not allowed with $cursor")));
            }
        }
        String fingerprint = fingerprint(query);
        String cursor = query.cursor().orElseThrow();
        List<String> after = cursor.isEmpty() || cursor.equals("*") ? null : decode(cursor, fingerprint, sort.size());
        List<String> allConditions = new ArrayList<>(conditions);
        if (after != null) {
            allConditions.add(keysetCondition(sort, after, parameters));
        }
        StringBuilder select = new StringBuilder("select ").append(columns);
        for (int i = 0; i < sort.size(); i++) {
            select.append(", ")
                    .append(sort.get(i).field().column())
                    .append(" as _k")
                    .append(i);
        }
        List<Object[]> keys = new ArrayList<>();
        List<T> rows = jdbc.sql(select + " from " + from + " where " + String.join(" and ", allConditions)
                        + " order by " + orderBy + " limit :_limit")
                .params(parameters)
                .param("_limit", query.limit() + 1)
                .query((ResultSet rs, int rowNum) -> {
                    keys.add(readKeys(rs, sort));
                    return mapper.mapRow(rs, rowNum);
                })
                .list();
        if (rows.size() <= query.limit()) {
            return Page.keyset(query.limit(), null, rows);
        }
        Object[] last = keys.get(query.limit() - 1);
        return Page.keyset(query.limit(), encode(fingerprint, last), rows.subList(0, query.limit()));
    }

    private static Object[] readKeys(ResultSet rs, List<SortKey> sort) throws SQLException {
        Object[] values = new Object[sort.size()];
        for (int i = 0; i < sort.size(); i++) {
            values[i] = sort.get(i).field().type().fromDatabase(rs.getObject("_k" + i));
        }
        return values;
    }

    /** (k1 > v1) or (k1 = v1 and k2 > v2) or ..., each comparison in its own key's direction. */
    private static String keysetCondition(List<SortKey> sort, List<String> after, Map<String, Object> parameters) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            List<String> terms = new ArrayList<>();
            for (int j = 0; j <= i; j++) {
                SortKey key = sort.get(j);
                String name = "_c" + j;
                try {
                    parameters.put(name, key.field().type().parse(after.get(j)));
                } catch (IllegalArgumentException e) {
                    throw invalidCursor("is not a cursor this server issued");
                }
                String op = j < i ? "=" : key.ascending() ? ">" : "<";
                terms.add(key.field().column() + " " + op + " :" + name);
            }
            alternatives.add("(" + String.join(" and ", terms) + ")");
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    static List<String> filterConditions(ListQuery query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        int index = 0;
        for (Filter filter : query.filters()) {
            String column = filter.field().column();
            String name = "_p" + index++;
            List<Object> values = filter.values();
            List<Object> nonNull = values.stream().filter(Objects::nonNull).toList();
            boolean hasNull = nonNull.size() < values.size();
            String condition = switch (filter.operator()) {
                case EQ -> hasNull ? column + " is null" : column + " = :" + name;
                case NE -> hasNull ? column + " is not null" : column + " is distinct from :" + name;
                case IN -> {
                    List<String> parts = new ArrayList<>();
                    if (!nonNull.isEmpty()) {
                        parts.add(column + " in (:" + name + ")");
                    }
                    if (hasNull) {
                        parts.add(column + " is null");
                    }
                    yield "(" + String.join(" or ", parts) + ")";
                }
                case NIN -> {
                    List<String> parts = new ArrayList<>();
                    if (!nonNull.isEmpty()) {
                        String notIn = column + " not in (:" + name + ")";
                        parts.add(
                                filter.field().nullable() && !hasNull
                                        ? "(" + column + " is null or " + notIn + ")"
                                        : notIn);
                    }
                    if (hasNull) {
                        parts.add(column + " is not null");
                    }
                    yield "(" + String.join(" and ", parts) + ")";
                }
                case GT, GTE, LT, LTE -> column + " " + filter.operator().sql() + " :" + name;
            };
            if (!nonNull.isEmpty()) {
                parameters.put(name, filter.operator().isList() ? nonNull : nonNull.get(0));
            }
            conditions.add(condition);
        }
        if (query.searchTerm() != null && !query.searchTerm().isEmpty()) {
            parameters.put("_search", "%" + escapeLike(query.searchTerm()) + "%");
            conditions.add("("
                    + String.join(
                            " or ",
                            query.definition().searchColumns().stream()
                                    .map(column -> column + " ilike :_search")
                                    .toList())
                    + ")");
        }
        return conditions;
    }

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Binds a cursor to the query that made it, so a cursor replayed with other filters is refused. */
    private static String fingerprint(ListQuery query) {
        StringBuilder text = new StringBuilder(query.definition().resource()).append('|');
        text.append(query.organizationId())
                .append('|')
                .append(query.searchTerm())
                .append('|');
        for (Filter filter : query.filters()) {
            text.append(filter.field().name())
                    .append(filter.operator())
                    .append(filter.values())
                    .append(';');
        }
        for (SortKey key : query.sort()) {
            text.append(key.field().name()).append(key.ascending()).append(';');
        }
        return HexFormat.of().formatHex(Secrets.sha256(text.toString()), 0, 8);
    }

    private static String encode(String fingerprint, Object[] keys) {
        List<String> parts = new ArrayList<>();
        parts.add(CURSOR_VERSION);
        parts.add(fingerprint);
        for (Object key : keys) {
            parts.add(String.valueOf(key));
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, String fingerprint, int keyCount) {
        List<String> parts;
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            parts = List.of(text.split(SEPARATOR, -1));
        } catch (IllegalArgumentException e) {
            throw invalidCursor("is not a cursor this server issued");
        }
        if (parts.size() != keyCount + 2 || !parts.get(0).equals(CURSOR_VERSION)) {
            throw invalidCursor("is not a cursor this server issued");
        }
        if (!parts.get(1).equals(fingerprint)) {
            throw invalidCursor("belongs to a query with other filters or order; repeat the original query");
        }
        return parts.subList(2, parts.size());
    }

    private static ReservaException invalidCursor(String message) {
        return new ReservaException(
                ErrorCode.INVALID_QUERY, "$cursor " + message, List.of(new FieldError("$cursor", message)));
    }
}

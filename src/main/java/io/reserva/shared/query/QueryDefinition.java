package io.reserva.shared.query;

import io.reserva.shared.ErrorCode;
import io.reserva.shared.FieldError;
import io.reserva.shared.ReservaException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one list endpoint lets a client filter, search and sort on. Parsing a query string against it yields a
 * {@link ListQuery}, or a {@code 400 invalid_query} naming every offending parameter: nothing unknown is ever
 * silently ignored.
 */
public final class QueryDefinition {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_CURSOR_LIMIT = 100;
    public static final int MAX_CURSOR_LIMIT = 500;

    /** {@code name}, {@code name[$op]}, {@code name[$op][]} and {@code name[$op][3]}. */
    private static final Pattern FILTER_PARAM =
            Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)(?:\\[(\\$[A-Za-z]+)](?:\\[\\d*])?)?$");

    private static final Pattern SORT_PARAM = Pattern.compile("^\\$sort\\[([A-Za-z_][A-Za-z0-9_]*)]$");
    private static final String ORGANIZATION_ID = "organization_id";

    private final String resource;
    private final Map<String, QueryField> fields;
    private final List<String> searchColumns;
    private final QueryField idField;
    private final List<SortKey> defaultSort;
    private final boolean organizationScoped;

    private static final Map<String, QueryDefinition> REGISTERED = new java.util.concurrent.ConcurrentHashMap<>();

    private QueryDefinition(Builder builder) {
        this.resource = builder.resource;
        this.fields = Map.copyOf(builder.fields);
        this.searchColumns = List.copyOf(builder.searchColumns);
        this.idField = builder.fields.get("id");
        if (idField == null) {
            throw new IllegalStateException(resource + ": every list needs an id field as the final sort key");
        }
        this.defaultSort = List.copyOf(builder.defaultSort);
        this.organizationScoped = builder.organizationScoped;
        REGISTERED.put(resource, this);
    }

    /** The definition of a list by its resource name (the first path segment), for the API documentation. */
    public static Optional<QueryDefinition> registered(String resource) {
        return Optional.ofNullable(REGISTERED.get(resource));
    }

    public static Builder forResource(String resource) {
        return new Builder(resource);
    }

    public String resource() {
        return resource;
    }

    /** The fields in the order they were declared, for documentation. */
    public List<QueryField> fields() {
        return fields.values().stream()
                .sorted(java.util.Comparator.comparing(QueryField::name))
                .toList();
    }

    public boolean searchable() {
        return !searchColumns.isEmpty();
    }

    public boolean organizationScoped() {
        return organizationScoped;
    }

    /** Parses the query string of a list request (the servlet parameter map, values in arrival order). */
    public ListQuery parse(Map<String, String[]> parameters) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> filterParams = new LinkedHashMap<>();
        Map<String, String> filterParamNames = new LinkedHashMap<>();
        List<SortKey> sort = new ArrayList<>();
        Integer limit = null;
        int skip = 0;
        boolean skipGiven = false;
        String searchTerm = null;
        String cursor = null;
        UUID organizationId = null;

        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String[] values = parameter.getValue();
            try {
                switch (name) {
                    case "$limit" -> limit = nonNegative(single(name, values));
                    case "$skip" -> {
                        skip = nonNegative(single(name, values));
                        skipGiven = true;
                    }
                    case "searchTerm" -> {
                        if (!searchable()) {
                            throw new IllegalArgumentException("this list has no text search");
                        }
                        searchTerm = single(name, values).strip();
                    }
                    case "$cursor" -> cursor = single(name, values);
                    case ORGANIZATION_ID -> {
                        if (!organizationScoped) {
                            throw new IllegalArgumentException("unknown field");
                        }
                        organizationId = (UUID) FieldType.UUID.parse(single(name, values));
                    }
                    default -> {
                        Matcher sortMatch = SORT_PARAM.matcher(name);
                        if (sortMatch.matches()) {
                            sort.add(parseSort(sortMatch.group(1), single(name, values)));
                        } else {
                            // x[$in][0] and x[$in][1] are one condition, not two.
                            String key = name.replaceAll("\\[\\d*]$", "");
                            filterParams
                                    .computeIfAbsent(key, k -> new ArrayList<>())
                                    .addAll(List.of(values));
                            filterParamNames.putIfAbsent(key, name);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(name, e.getMessage()));
            }
        }
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : filterParams.entrySet()) {
            try {
                filters.add(parseFilter(parameter.getKey(), parameter.getValue()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(filterParamNames.get(parameter.getKey()), e.getMessage()));
            }
        }
        if (cursor != null && skipGiven) {
            errors.add(new FieldError("$skip", "cannot be combined with $cursor"));
        }
        if (!errors.isEmpty()) {
            throw new ReservaException(ErrorCode.INVALID_QUERY, describe(errors), errors);
        }
        List<SortKey> effectiveSort = new ArrayList<>(sort.isEmpty() ? defaultSort : sort);
        if (effectiveSort.stream().noneMatch(key -> key.field().equals(idField))) {
            // A unique last key makes the order total, so pages never repeat or skip rows.
            effectiveSort.add(new SortKey(
                    idField, effectiveSort.isEmpty() || effectiveSort.get(0).ascending()));
        }
        if (cursor != null) {
            int cursorLimit = limit == null ? DEFAULT_CURSOR_LIMIT : Math.min(Math.max(limit, 1), MAX_CURSOR_LIMIT);
            return new ListQuery(
                    this, organizationId, filters, effectiveSort, cursorLimit, 0, searchTerm, Optional.of(cursor));
        }
        int pageLimit = limit == null ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        return new ListQuery(
                this, organizationId, filters, effectiveSort, pageLimit, skip, searchTerm, Optional.empty());
    }

    List<String> searchColumns() {
        return searchColumns;
    }

    private Filter parseFilter(String name, List<String> values) {
        Matcher matcher = FILTER_PARAM.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("is not a known parameter");
        }
        String fieldName = matcher.group(1);
        QueryField field = fields.get(fieldName);
        if (field == null) {
            throw new IllegalArgumentException("unknown field '" + fieldName + "'");
        }
        Operator operator = matcher.group(2) == null
                ? Operator.EQ
                : Operator.fromWire(matcher.group(2))
                        .orElseThrow(() -> new IllegalArgumentException("unknown operator '" + matcher.group(2)
                                + "'; supported: $in, $nin, $gt, $gte, $lt, $lte, $ne"));
        if (operator.isComparison() && field.type() == FieldType.BOOLEAN) {
            throw new IllegalArgumentException(operator.wire() + " does not apply to a true/false field");
        }
        // Commas separate list values except in free text, where a comma may be part of the value.
        boolean commaSeparated =
                field.type() != FieldType.STRING || !field.allowedValues().isEmpty();
        List<String> raw = operator.isList()
                ? values.stream()
                        .flatMap(value -> commaSeparated ? Arrays.stream(value.split(",", -1)) : Stream.of(value))
                        .toList()
                : List.of(single(name, values.toArray(String[]::new)));
        List<Object> parsed = new ArrayList<>(raw.size());
        for (String value : raw) {
            if (value.equals("null") && field.nullable() && !operator.isComparison()) {
                parsed.add(null);
            } else {
                parsed.add(field.parseValue(value));
            }
        }
        return new Filter(field, operator, parsed);
    }

    private SortKey parseSort(String fieldName, String direction) {
        QueryField field = fields.get(fieldName);
        if (field == null || !field.sortable()) {
            throw new IllegalArgumentException(
                    field == null ? "unknown field '" + fieldName + "'" : "cannot sort on '" + fieldName + "'");
        }
        return switch (direction) {
            case "1" -> new SortKey(field, true);
            case "-1" -> new SortKey(field, false);
            default -> throw new IllegalArgumentException("must be 1 (ascending) or -1 (descending)");
        };
    }

    private static String single(String name, String[] values) {
        if (values.length != 1) {
            throw new IllegalArgumentException("must be given once");
        }
        return values[0];
    }

    private static int nonNegative(String raw) {
        try {
            int value = Integer.parseInt(raw);
            if (value < 0) {
                throw new IllegalArgumentException("must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number");
        }
    }

    private static String describe(List<FieldError> errors) {
        return "Invalid query parameter"
                + (errors.size() > 1 ? "s: " : ": ")
                + String.join(
                        "; ",
                        errors.stream().map(e -> e.field() + " " + e.message()).toList());
    }

    /** Declares the fields of one list. */
    public static final class Builder {
        private final String resource;
        private final Map<String, QueryField> fields = new LinkedHashMap<>();
        private final List<String> searchColumns = new ArrayList<>();
        private final List<SortKey> defaultSort = new ArrayList<>();
        private boolean organizationScoped;

        private Builder(String resource) {
            this.resource = resource;
        }

        /** A non-null, sortable field. */
        public Builder field(String name, String column, FieldType type) {
            return add(new QueryField(name, column, type, false, true, Set.of()));
        }

        /** A field that may be NULL; {@code field=null} then matches the rows where it is. */
        public Builder nullableField(String name, String column, FieldType type) {
            return add(new QueryField(name, column, type, true, true, Set.of()));
        }

        /** A text field restricted to the given values (statuses, roles, modes). */
        public Builder enumField(String name, String column, Set<String> values) {
            return add(new QueryField(name, column, FieldType.STRING, false, true, values));
        }

        /** The columns {@code searchTerm} looks in (case-insensitive substring). */
        public Builder searchOn(String... columns) {
            searchColumns.addAll(List.of(columns));
            return this;
        }

        /** The order when the client gives no {@code $sort}; ties always break on id. */
        public Builder defaultSort(String field, boolean ascending) {
            QueryField queryField = fields.get(field);
            if (queryField == null) {
                throw new IllegalStateException("declare " + field + " before sorting on it");
            }
            defaultSort.add(new SortKey(queryField, ascending));
            return this;
        }

        /** Rows belong to an organization: {@code organization_id} selects which, checked against the caller. */
        public Builder organizationScoped() {
            this.organizationScoped = true;
            return this;
        }

        public QueryDefinition build() {
            return new QueryDefinition(this);
        }

        private Builder add(QueryField field) {
            fields.put(field.name(), field);
            return this;
        }
    }
}

package io.reserva.shared.query;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A parsed, validated list request: filters, order, page size and either an offset ({@code $skip}) or a keyset
 * cursor ({@code $cursor}).
 *
 * @param organizationId the organization the client asked for, or null when it left it out
 */
public record ListQuery(
        QueryDefinition definition,
        UUID organizationId,
        List<Filter> filters,
        List<SortKey> sort,
        int limit,
        int skip,
        String searchTerm,
        Optional<String> cursor) {

    public ListQuery {
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
    }

    public boolean isCursorPage() {
        return cursor.isPresent();
    }
}

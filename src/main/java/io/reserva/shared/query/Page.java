package io.reserva.shared.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a list. An offset page carries {@code total}, {@code limit} and {@code skip}; a keyset page
 * ({@code $cursor}) carries {@code limit}, {@code has_more} and {@code next_cursor} instead, and no total.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(
        @Schema(description = "Rows matching the filters (offset pages only)", example = "132")
        Long total,

        @Schema(description = "Page size after clamping: at most 50, or 500 with $cursor", example = "20")
        int limit,

        @Schema(description = "Rows skipped (offset pages only)", example = "0")
        Integer skip,

        @Schema(description = "Whether another keyset page follows ($cursor pages only)")
        Boolean hasMore,

        @Schema(description = "Pass as $cursor to get the next keyset page ($cursor pages only)")
        String nextCursor,

        List<T> data) {

    public static <T> Page<T> offset(long total, int limit, int skip, List<T> data) {
        return new Page<>(total, limit, skip, null, null, List.copyOf(data));
    }

    public static <T> Page<T> keyset(int limit, String nextCursor, List<T> data) {
        return new Page<>(null, limit, null, nextCursor != null, nextCursor, List.copyOf(data));
    }

    public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
        return new Page<>(
                total,
                limit,
                skip,
                hasMore,
                nextCursor,
                data.stream().map(mapper).toList());
    }
}

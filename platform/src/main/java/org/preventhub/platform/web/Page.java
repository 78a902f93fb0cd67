package org.preventhub.platform.web;

import java.util.List;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. {@code totalItems} counts every match of the filters, not just this page. */
public record Page<T>(
        @Schema(maxItems = PageParams.MAX_SIZE, description = "At most `size` items.") List<T> items,
        @Schema(minimum = "0", maximum = "" + PageParams.MAX_PAGE) int page,
        @Schema(minimum = "1", maximum = "" + PageParams.MAX_SIZE) int size,
        @Schema(minimum = "0", maximum = "9223372036854775807") long totalItems,
        @Schema(minimum = "0", maximum = "2147483647") int totalPages) {

    public static <T> Page<T> of(List<T> items, PageParams params, long totalItems) {
        int totalPages = (int) ((totalItems + params.size - 1) / params.size);
        return new Page<>(items, params.page, params.size, totalItems, totalPages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}

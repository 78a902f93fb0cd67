package org.preventhub.platform.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.problem.Violation;

import io.quarkus.panache.common.Sort;

/**
 * {@code page} (from 0), {@code size} (1 to 100) and {@code sort} ({@code field} or {@code field,desc}, repeatable)
 * of a list request. Use with {@code @BeanParam @Valid}.
 */
public class PageParams {

    public static final int MAX_SIZE = 100;
    /** Ten million items into any list, a hundred at a time: far past any list here, and no unbounded offset. */
    public static final int MAX_PAGE = 100_000;
    /** Sort keys: more than there are sortable fields on any list. */
    public static final int MAX_SORT_KEYS = 10;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "Page number, from 0 to 100,000.")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, 1 to 100.")
    public int size;

    @QueryParam("sort")
    @Size(max = MAX_SORT_KEYS)
    @Parameter(description = "Sort order: `field` or `field,desc`; repeat for several keys (at most 10).")
    public List<@Size(max = 100) String> sort;

    public PageParams() {
    }

    public PageParams(int page, int size, List<String> sort) {
        this.page = page;
        this.size = size;
        this.sort = sort;
    }

    /**
     * Translates the requested order into a query sort, accepting only the fields the resource exposes.
     *
     * @param sortable public field name to entity attribute
     * @param defaultOrder the attribute to sort by when the caller asks for no order
     * @param tiebreaker a unique attribute, always last, so that pages never overlap or skip
     */
    public Sort toSort(Map<String, String> sortable, String defaultOrder, String tiebreaker) {
        Sort result = null;
        if (sort != null) {
            for (String spec : sort) {
                for (String part : spec.split(";")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String[] pieces = part.trim().split(",");
                    String attribute = sortable.get(pieces[0].trim());
                    Sort.Direction direction = Sort.Direction.Ascending;
                    if (pieces.length > 1) {
                        String dir = pieces[1].trim().toLowerCase();
                        if (dir.equals("desc")) {
                            direction = Sort.Direction.Descending;
                        } else if (!dir.equals("asc")) {
                            attribute = null;
                        }
                    }
                    if (attribute == null || pieces.length > 2) {
                        throw ProblemException.badRequest("Unknown sort order '" + part.trim() + "'.",
                                new Violation("sort", "sortable fields: " + String.join(", ", sortable.keySet())
                                        + "; append ,asc or ,desc"));
                    }
                    result = result == null ? Sort.by(attribute, direction) : result.and(attribute, direction);
                }
            }
        }
        return (result == null ? Sort.by(defaultOrder) : result).and(tiebreaker);
    }
}

package org.preventhub.platform.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@link Page} as the OpenAPI document names it. An annotation cannot name {@code Page<SessionResponse>}, so each
 * list documents its answer with a small subclass that adds a typed {@code items} (e.g.
 * {@code abstract class SessionPage extends PageSchema { public List<SessionResponse> items; }}): generated clients
 * then get one page type per item, and the bounds below are written once. Never instantiated.
 */
public abstract class PageSchema {

    @Schema(required = true, minimum = "0", maximum = "" + PageParams.MAX_PAGE)
    public int page;

    @Schema(required = true, minimum = "1", maximum = "" + PageParams.MAX_SIZE)
    public int size;

    @Schema(required = true, minimum = "0", maximum = "9223372036854775807",
            description = "Every match of the filters, not just this page.")
    public long totalItems;

    @Schema(required = true, minimum = "0", maximum = "2147483647")
    public int totalPages;

    protected PageSchema() {
    }
}

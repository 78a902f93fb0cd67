package org.preventhub.platform.feed;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** The typed pages of the feed endpoints, for the OpenAPI document only (see {@link PageSchema}). */
final class FeedPages {

    private FeedPages() {
    }

    @Schema(name = "FeedJobPage", description = "One page of imports.")
    abstract static class Jobs extends PageSchema {
        @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
        public List<FeedJob> items;
    }

    @Schema(name = "RejectedLinePage", description = "One page of an import's rejected lines.")
    abstract static class Rejections extends PageSchema {
        @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
        public List<RejectedLine> items;
    }

    @Schema(name = "MappingPage", description = "One page of code mappings.")
    abstract static class Mappings extends PageSchema {
        @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
        public List<FeedMappings.Mapping> items;
    }
}

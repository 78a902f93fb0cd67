package org.preventhub.engagement.governance;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.governance.GovernanceDtos.GovernanceBodyView;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of governance bodies. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}). */
@Schema(name = "GovernanceBodyPage", description = "One page of governance bodies.")
abstract class GovernanceBodyPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<GovernanceBodyView> items;
}

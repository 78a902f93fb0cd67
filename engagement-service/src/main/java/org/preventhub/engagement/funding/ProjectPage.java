package org.preventhub.engagement.funding;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.funding.FundingDtos.ProjectView;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of projects and programmes. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}); named as released. */
@Schema(name = "PageProjectView", description = "One page of projects and programmes.")
abstract class ProjectPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<ProjectView> items;
}

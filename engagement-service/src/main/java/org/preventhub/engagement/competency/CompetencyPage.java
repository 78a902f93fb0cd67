package org.preventhub.engagement.competency;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.competency.CompetencyDtos.MemberCompetency;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of members' competency. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}). */
@Schema(name = "MemberCompetencyPage", description = "One page of governance members' required training.")
abstract class CompetencyPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<MemberCompetency> items;
}

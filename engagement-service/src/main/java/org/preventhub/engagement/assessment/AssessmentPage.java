package org.preventhub.engagement.assessment;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.assessment.AssessmentDtos.AssessmentView;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of self-assessments. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}); named as released. */
@Schema(name = "PageAssessmentView", description = "One page of self-assessments.")
abstract class AssessmentPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<AssessmentView> items;
}

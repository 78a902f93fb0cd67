package org.preventhub.engagement.funding;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.funding.FundingDtos.AwardView;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of funding awards. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}); named as released. */
@Schema(name = "PageAwardView", description = "One page of funding awards.")
abstract class AwardPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<AwardView> items;
}

package org.preventhub.engagement.organisation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.organisation.OrganisationDtos.OrganisationView;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of partner organisations. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}). */
@Schema(name = "OrganisationPage", description = "One page of partner organisations.")
abstract class OrganisationPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<OrganisationView> items;
}

package org.preventhub.engagement.document;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.document.DocumentDtos.GovernanceDocumentView;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of the document register. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}). */
@Schema(name = "GovernanceDocumentPage", description = "One page of the document register.")
abstract class GovernanceDocumentPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<GovernanceDocumentView> items;
}

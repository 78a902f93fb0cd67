package org.preventhub.engagement.communication;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.communication.CommunicationDtos.CommunicationView;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of communications. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}). */
@Schema(name = "CommunicationPage", description = "One page of communications.")
abstract class CommunicationPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<CommunicationView> items;
}

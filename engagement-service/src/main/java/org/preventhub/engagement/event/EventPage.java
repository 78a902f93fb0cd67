package org.preventhub.engagement.event;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.engagement.event.EventDtos.EventView;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of community events. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}). */
@Schema(name = "EventPage", description = "One page of community events.")
abstract class EventPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<EventView> items;
}

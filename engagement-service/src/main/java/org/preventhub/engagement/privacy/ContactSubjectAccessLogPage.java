package org.preventhub.engagement.privacy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of the subject access log. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}). */
@Schema(name = "ContactSubjectAccessLogPage", description = "One page of the subject access log.")
abstract class ContactSubjectAccessLogPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<ContactSubjectAccess.Entry> items;
}

package org.preventhub.training.privacy;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;

/** One page of the subject access log. For the OpenAPI document only: the answer is a {@code Page} (see {@link PageSchema}). */
@Schema(name = "SubjectAccessLogPage", description = "One page of the subject access log.")
abstract class SubjectAccessLogPage extends PageSchema {

    @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
    public List<SubjectAccessLog.Entry> items;
}

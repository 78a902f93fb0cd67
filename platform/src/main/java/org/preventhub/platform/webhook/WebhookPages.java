package org.preventhub.platform.webhook;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.PageSchema;
import org.preventhub.platform.webhook.WebhookViews.DeliveryView;
import org.preventhub.platform.webhook.WebhookViews.SubscriptionView;

/** The webhook lists' pages as the OpenAPI document names them (see {@link PageSchema}). Never instantiated. */
final class WebhookPages {

    private WebhookPages() {
    }

    @Schema(name = "WebhookSubscriptionPage", description = "One page of a caller's webhook subscriptions.")
    abstract static class SubscriptionPage extends PageSchema {

        @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
        public List<SubscriptionView> items;
    }

    @Schema(name = "WebhookDeliveryPage", description = "One page of a subscription's delivery log.")
    abstract static class DeliveryPage extends PageSchema {

        @Schema(required = true, maxItems = PageParams.MAX_SIZE, description = "At most `size` items.")
        public List<DeliveryView> items;
    }
}

package org.preventhub.training.webhook;

import jakarta.ws.rs.Path;

import org.preventhub.platform.webhook.WebhookResource;

/** Signed webhooks for partner systems: the booking website hears of open sessions' changes. */
@Path("/webhooks")
public class TrainingWebhookResource extends WebhookResource {
}

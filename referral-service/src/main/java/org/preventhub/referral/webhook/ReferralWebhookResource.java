package org.preventhub.referral.webhook;

import jakarta.ws.rs.Path;

import org.preventhub.platform.webhook.WebhookResource;

/** Signed webhooks for partner systems: a referring agency's client hears of its referrals' stages. */
@Path("/webhooks")
public class ReferralWebhookResource extends WebhookResource {
}

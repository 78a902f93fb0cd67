package org.preventhub.platform.webhook;

import java.util.UUID;

/**
 * Fired (a CDI event, after the commit) when a subscription is disabled after repeated failures: the hook for a
 * notice to the partner's contact (e-mail) beside the log line and the status its client reads.
 */
public record WebhookSubscriptionDisabled(UUID subscriptionId, String ownerClient, String ownerAgency, String reason) {
}

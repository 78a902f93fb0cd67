package org.preventhub.contracts.training;

import java.util.UUID;

/** Payload of {@code training.feed.batch-applied.v1}: a council file was applied whole. */
public record FeedBatchApplied(UUID importId, String feed, String source, long created, long updated, long ignored) {
}

package org.preventhub.engagement.feed;

import jakarta.ws.rs.Path;

import org.preventhub.platform.feed.FeedResource;

/** Council engagement feeds: {@code /feeds/events/imports}. The contract is in {@link FeedResource}. */
@Path("/feeds")
public class EngagementFeedResource extends FeedResource {
}

package org.preventhub.training.feed;

import jakarta.ws.rs.Path;

import org.preventhub.platform.feed.FeedResource;

/** Council training feeds: {@code /feeds/completions/imports}. The contract is in {@link FeedResource}. */
@Path("/feeds")
public class TrainingFeedResource extends FeedResource {
}

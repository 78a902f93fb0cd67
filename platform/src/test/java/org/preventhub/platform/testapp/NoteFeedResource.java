package org.preventhub.platform.testapp;

import jakarta.ws.rs.Path;

import org.preventhub.platform.feed.FeedResource;

/** The test application's feeds, as a service declares them: {@code /feeds/notes/imports}. */
@Path("/feeds")
public class NoteFeedResource extends FeedResource {
}

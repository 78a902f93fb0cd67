package org.preventhub.platform.feed;

/** What a file did (or, in a dry run, would do) to the service's data. */
public record FeedCounts(long created, long updated, long ignored) {

    public static final FeedCounts NONE = new FeedCounts(0, 0, 0);

    public FeedCounts plus(FeedCounts other) {
        return new FeedCounts(created + other.created, updated + other.updated, ignored + other.ignored);
    }
}

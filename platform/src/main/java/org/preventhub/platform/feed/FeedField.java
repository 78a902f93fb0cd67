package org.preventhub.platform.feed;

/** One field of a feed's records, as documented to the councils that send them. */
public record FeedField(String name, boolean required, String description, String example) {

    public static FeedField required(String name, String description, String example) {
        return new FeedField(name, true, description, example);
    }

    public static FeedField optional(String name, String description, String example) {
        return new FeedField(name, false, description, example);
    }
}

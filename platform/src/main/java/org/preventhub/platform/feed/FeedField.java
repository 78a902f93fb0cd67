package org.preventhub.platform.feed;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field of a feed's records, as documented to the councils that send them. */
public record FeedField(@Schema(maxLength = 60) String name, boolean required,
        @Schema(maxLength = 1000) String description, @Schema(maxLength = 200) String example) {

    public static FeedField required(String name, String description, String example) {
        return new FeedField(name, true, description, example);
    }

    public static FeedField optional(String name, String description, String example) {
        return new FeedField(name, false, description, example);
    }
}

package org.preventhub.platform.feed;

/**
 * Why one record of a feed cannot be taken. The reason is shown to the sender with the line number, so it names
 * the field and the rule, never the value (which may be personal data).
 */
public class FeedRejection extends Exception {

    public FeedRejection(String reason) {
        super(reason, null, false, false);
    }
}

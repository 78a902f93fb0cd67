package org.preventhub.platform.feed;

/**
 * A record that passed its checks, in the handler's own terms (codes already mapped), on its way to the handler's
 * {@link FeedWriter}.
 *
 * @param naturalKey identifies the record in the source system (e.g. the council's record id); two lines of one
 *            file with the same key are a duplicate, and a resent record with a known key is an update. May be
 *            null when the feed has no such notion.
 * @param value what the handler made of the line
 */
public record CheckedRecord<T>(long line, String naturalKey, T value) {
}

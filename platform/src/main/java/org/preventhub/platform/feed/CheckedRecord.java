package org.preventhub.platform.feed;

import java.util.Map;

/**
 * A record that passed its checks, in the handler's own terms (codes already mapped), waiting for the whole
 * file to pass.
 *
 * @param naturalKey identifies the record in the source system (e.g. the council's record id); two lines of one
 *            file with the same key are a duplicate, and a resent record with a known key is an update. May be
 *            null when the feed has no such notion.
 * @param data JSON-friendly values (strings, numbers, booleans, lists)
 */
public record StagedRecord(long line, String naturalKey, Map<String, Object> data) {

    public String text(String name) {
        Object value = data.get(name);
        return value == null ? null : value.toString();
    }
}

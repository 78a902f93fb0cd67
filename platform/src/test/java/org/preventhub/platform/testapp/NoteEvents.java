package org.preventhub.platform.testapp;

import java.util.UUID;

/** The test application's events, as a service's contracts would define them. */
public final class NoteEvents {

    public static final String TOPIC = "platform-test.events";
    public static final String AGGREGATE = "note";
    public static final String WRITTEN = "platform-test.note.written.v1";
    public static final String CHANGED = "platform-test.note.changed.v1";
    public static final String REMOVED = "platform-test.note.removed.v1";

    /** Every note event's payload: the note after the change. */
    public record NoteChanged(UUID noteId, String text, long version) {
    }

    private NoteEvents() {
    }
}

package org.preventhub.engagement.event;

/** Where a community event stands; stored by name, so the strings in the database are these. */
public enum EventStatus {
    PLANNED,
    HELD,
    POSTPONED,
    CANCELLED
}

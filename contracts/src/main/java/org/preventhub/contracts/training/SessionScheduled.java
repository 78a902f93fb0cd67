package org.preventhub.contracts.training;

/** Payload of {@code training.session.scheduled.v1}: a new session was put in the calendar. */
public record SessionScheduled(SessionSnapshot session) {
}

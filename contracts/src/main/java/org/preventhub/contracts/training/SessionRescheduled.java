package org.preventhub.contracts.training;

import java.time.Instant;

/** Payload of {@code training.session.rescheduled.v1}: the session's start or end moved. */
public record SessionRescheduled(SessionSnapshot session, Instant previousStartsAt, Instant previousEndsAt) {
}

package org.preventhub.contracts.training;

import java.time.Instant;

/** Payload of {@code training.session.cancelled.v1}. The free-text reason stays in the training service. */
public record SessionCancelled(SessionSnapshot session, Instant cancelledAt) {
}

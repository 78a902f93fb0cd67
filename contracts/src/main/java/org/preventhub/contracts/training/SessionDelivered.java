package org.preventhub.contracts.training;

import java.time.Instant;

/**
 * Payload of {@code training.session.delivered.v1}: the session took place and its attendance is final
 * (later changes come as {@code training.attendance.corrected.v1}).
 */
public record SessionDelivered(SessionSnapshot session, Instant deliveredAt, int booked, int attended, int noShows,
        int walkIns) {
}

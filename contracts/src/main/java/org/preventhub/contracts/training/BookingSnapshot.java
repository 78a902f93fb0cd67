package org.preventhub.contracts.training;

import java.util.UUID;

import org.preventhub.contracts.Sector;

/**
 * A booking as reporting needs it: no attendee name, email or organisation.
 *
 * @param status {@code CONFIRMED}, {@code WAITLISTED} or {@code CANCELLED}
 * @param channel {@code STAFF} (booked by a trainer or the Prevent lead) or {@code WEB} (the public booking site)
 * @param waitlistPosition the place in the queue while waitlisted, otherwise null
 */
public record BookingSnapshot(UUID bookingId, UUID sessionId, UUID courseId, String courseCode, String status,
        Sector sector, String channel, Integer waitlistPosition) {
}

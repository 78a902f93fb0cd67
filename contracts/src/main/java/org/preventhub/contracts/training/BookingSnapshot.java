package org.preventhub.contracts.training;

import java.time.Instant;
import java.util.UUID;


/**
 * A booking as reporting needs it: no attendee name, email or organisation.
 *
 * @param status {@code CONFIRMED}, {@code WAITLISTED} or {@code CANCELLED}
 * @param channel {@code STAFF} (booked by a trainer or the Prevent lead) or {@code WEB} (the public booking site)
 * @param waitlistPosition the place in the queue while waitlisted, otherwise null
 * @param bookedAt when the booking was made: when it was recorded, unless staff recorded it later and said when it
 *            was made (a booking recorded after its session started). Absent from events written before it was
 *            added: read those as booked when the event was written
 */
public record BookingSnapshot(UUID bookingId, UUID sessionId, UUID courseId, String courseCode, String status,
        String sector, String channel, Integer waitlistPosition, Instant bookedAt) {
}

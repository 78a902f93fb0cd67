package org.preventhub.contracts.training;

import java.time.Instant;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

/**
 * One person's attendance of a session, as reporting needs it (no name or email).
 *
 * @param bookingId null for a walk-in
 * @param organisationId the partner organisation (engagement's register) the attendee came from, when the booking or
 *            register named one; absent from events written before it was added
 * @param organisation the organisation as the attendee wrote it, only when no partner organisation was named (null
 *            once the attendee's details are erased); absent from events written before it was added
 */
public record AttendanceSnapshot(UUID attendanceId, UUID sessionId, UUID bookingId, UUID courseId, String courseCode,
        Priority priority, Instant sessionStartsAt, DeliveryMode mode, String area, String sector, boolean attended,
        boolean walkIn, UUID organisationId, String organisation) {

    /** An attendance with no organisation recorded (the shape before organisations were carried). */
    public AttendanceSnapshot(UUID attendanceId, UUID sessionId, UUID bookingId, UUID courseId, String courseCode,
            Priority priority, Instant sessionStartsAt, DeliveryMode mode, String area, String sector, boolean attended,
            boolean walkIn) {
        this(attendanceId, sessionId, bookingId, courseId, courseCode, priority, sessionStartsAt, mode, area, sector,
                attended, walkIn, null, null);
    }
}

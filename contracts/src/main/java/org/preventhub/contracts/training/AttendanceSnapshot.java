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
 * @param userId the attendee's user id in the identity provider, when staff booked a staff user and named it, so a
 *            governance body can link the training its members' roles require; never a name or e-mail address;
 *            absent from events written before it was added and once the attendee's details are erased
 */
public record AttendanceSnapshot(UUID attendanceId, UUID sessionId, UUID bookingId, UUID courseId, String courseCode,
        Priority priority, Instant sessionStartsAt, DeliveryMode mode, String area, String sector, boolean attended,
        boolean walkIn, UUID organisationId, String organisation, String userId) {

    /** An attendance with no user id (the shape before user ids were carried). */
    public AttendanceSnapshot(UUID attendanceId, UUID sessionId, UUID bookingId, UUID courseId, String courseCode,
            Priority priority, Instant sessionStartsAt, DeliveryMode mode, String area, String sector, boolean attended,
            boolean walkIn, UUID organisationId, String organisation) {
        this(attendanceId, sessionId, bookingId, courseId, courseCode, priority, sessionStartsAt, mode, area, sector,
                attended, walkIn, organisationId, organisation, null);
    }

    /** An attendance with no organisation recorded (the shape before organisations were carried). */
    public AttendanceSnapshot(UUID attendanceId, UUID sessionId, UUID bookingId, UUID courseId, String courseCode,
            Priority priority, Instant sessionStartsAt, DeliveryMode mode, String area, String sector, boolean attended,
            boolean walkIn) {
        this(attendanceId, sessionId, bookingId, courseId, courseCode, priority, sessionStartsAt, mode, area, sector,
                attended, walkIn, null, null, null);
    }
}

package org.preventhub.contracts.training;

import java.time.Instant;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

/**
 * One person's attendance of a session, as reporting needs it (no name, email or organisation).
 *
 * @param bookingId null for a walk-in
 */
public record AttendanceSnapshot(UUID attendanceId, UUID sessionId, UUID bookingId, UUID courseId, String courseCode,
        Priority priority, Instant sessionStartsAt, DeliveryMode mode, String area, String sector, boolean attended,
        boolean walkIn) {
}

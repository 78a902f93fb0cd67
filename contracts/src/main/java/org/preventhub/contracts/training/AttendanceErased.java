package org.preventhub.contracts.training;

import java.util.UUID;

/**
 * Payload of {@code training.attendance.erased.v1}: the attendee's identity was erased from this mark of the
 * register (the mark itself, attended or not, stays). Consumers that linked the attendance to a person forget it;
 * figures do not change. No personal data.
 *
 * @param reason {@link #SUBJECT_REQUEST} or {@link #RETENTION}
 */
public record AttendanceErased(UUID attendanceId, String reason) {

    /** Erased on the trainee's request (subject access). */
    public static final String SUBJECT_REQUEST = "SUBJECT_REQUEST";
    /** Erased by the retention rule. */
    public static final String RETENTION = "RETENTION";
}

package org.preventhub.contracts.training;

/**
 * Payload of {@code training.attendance.corrected.v1}: an explicit correction after the session was marked
 * delivered. The free-text reason stays in the training service.
 */
public record AttendanceCorrected(AttendanceSnapshot attendance, boolean previouslyAttended) {
}

package org.preventhub.contracts.training;

/** Payload of {@code training.attendance.recorded.v1}: attended or no-show was recorded (or changed before delivery). */
public record AttendanceRecorded(AttendanceSnapshot attendance) {
}

package org.preventhub.contracts.training;

/** CloudEvent types published on {@link org.preventhub.contracts.Topics#TRAINING}. */
public final class TrainingEventTypes {
    public static final String AGGREGATE_COURSE = "course";
    public static final String AGGREGATE_SESSION = "session";
    public static final String AGGREGATE_BOOKING = "booking";
    public static final String AGGREGATE_ATTENDANCE = "attendance";
    public static final String AGGREGATE_EVALUATION = "evaluation";
    public static final String AGGREGATE_COMPLETION = "completion";
    public static final String AGGREGATE_FEED_IMPORT = "feed-import";

    public static final String COURSE_REGISTERED = "training.course.registered.v1";
    public static final String COURSE_UPDATED = "training.course.updated.v1";

    public static final String SESSION_SCHEDULED = "training.session.scheduled.v1";
    public static final String SESSION_RESCHEDULED = "training.session.rescheduled.v1";
    public static final String SESSION_UPDATED = "training.session.updated.v1";
    public static final String SESSION_CANCELLED = "training.session.cancelled.v1";
    public static final String SESSION_DELIVERED = "training.session.delivered.v1";

    public static final String BOOKING_CONFIRMED = "training.booking.confirmed.v1";
    public static final String BOOKING_WAITLISTED = "training.booking.waitlisted.v1";
    public static final String BOOKING_PROMOTED = "training.booking.promoted.v1";
    public static final String BOOKING_CANCELLED = "training.booking.cancelled.v1";

    public static final String ATTENDANCE_RECORDED = "training.attendance.recorded.v1";
    public static final String ATTENDANCE_CORRECTED = "training.attendance.corrected.v1";
    /** The attendee's identity was erased from the mark: {@link AttendanceErased}. */
    public static final String ATTENDANCE_ERASED = "training.attendance.erased.v1";

    public static final String EVALUATION_SUBMITTED = "training.evaluation.submitted.v1";

    /** One record per event: what feeds published before 2 December 2026; consumers still read it from the log. */
    public static final String COMPLETION_RECORDED = "training.completion.recorded.v1";
    /** Up to {@link CompletionsRecorded#MAX_PER_EVENT} records of one feed import per event. */
    public static final String COMPLETIONS_RECORDED = "training.completions.recorded.v1";
    public static final String FEED_BATCH_APPLIED = "training.feed.batch-applied.v1";

    private TrainingEventTypes() {
    }
}

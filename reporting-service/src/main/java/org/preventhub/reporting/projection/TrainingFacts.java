package org.preventhub.reporting.projection;

import static java.util.Map.entry;
import static org.preventhub.reporting.projection.EventMapping.date;
import static org.preventhub.reporting.projection.EventMapping.name;
import static org.preventhub.reporting.projection.EventMapping.of;
import static org.preventhub.reporting.projection.EventMapping.required;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.preventhub.contracts.SectorCodes;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.training.AttendanceCorrected;
import org.preventhub.contracts.training.AttendanceRecorded;
import org.preventhub.contracts.training.AttendanceSnapshot;
import org.preventhub.contracts.training.BookingCancelled;
import org.preventhub.contracts.training.BookingConfirmed;
import org.preventhub.contracts.training.BookingPromoted;
import org.preventhub.contracts.training.BookingSnapshot;
import org.preventhub.contracts.training.BookingWaitlisted;
import org.preventhub.contracts.training.CompletionRecorded;
import org.preventhub.contracts.training.CompletionsRecorded;
import org.preventhub.contracts.training.CourseSnapshot;
import org.preventhub.contracts.training.EvaluationSubmitted;
import org.preventhub.contracts.training.SessionCancelled;
import org.preventhub.contracts.training.SessionDelivered;
import org.preventhub.contracts.training.SessionRescheduled;
import org.preventhub.contracts.training.SessionScheduled;
import org.preventhub.contracts.training.SessionSnapshot;
import org.preventhub.contracts.training.SessionUpdated;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.reporting.projection.EventMapping.EventTime;

/** The training service's events ({@link Topics#TRAINING}) as facts: courses, sessions, bookings, attendance, ... */
final class TrainingFacts {

    static final Fact COURSE = new Fact("course_dim",
            "course_id uuid, code text, title text, priority text, last_event_at timestamptz", """
            ON CONFLICT (course_id) DO UPDATE SET code = excluded.code, title = excluded.title, priority = excluded.priority,
              last_event_at = excluded.last_event_at WHERE course_dim.last_event_at <= excluded.last_event_at""");

    static final Fact SESSION = new Fact("session_fact", """
            session_id uuid, course_id uuid, course_code text, priority text, starts_on date, mode text, area text,
            access text, audience_sector text, capacity int, status text, booked int, attended int, no_shows int,
            walk_ins int, last_event_at timestamptz""", """
            ON CONFLICT (session_id) DO UPDATE SET course_id = excluded.course_id, course_code = excluded.course_code,
              priority = excluded.priority, starts_on = excluded.starts_on, mode = excluded.mode, area = excluded.area,
              access = excluded.access, audience_sector = excluded.audience_sector, capacity = excluded.capacity,
              status = excluded.status, booked = coalesce(excluded.booked, session_fact.booked),
              attended = coalesce(excluded.attended, session_fact.attended),
              no_shows = coalesce(excluded.no_shows, session_fact.no_shows),
              walk_ins = coalesce(excluded.walk_ins, session_fact.walk_ins), last_event_at = excluded.last_event_at
            WHERE session_fact.last_event_at <= excluded.last_event_at""");

    static final Fact BOOKING = new Fact("booking_fact", """
            booking_id uuid, session_id uuid, course_code text, status text, sector text, channel text, booked_on date,
            last_event_at timestamptz""", """
            ON CONFLICT (booking_id) DO UPDATE SET status = excluded.status, sector = excluded.sector,
              channel = excluded.channel, booked_on = least(booking_fact.booked_on, excluded.booked_on),
              last_event_at = excluded.last_event_at WHERE booking_fact.last_event_at <= excluded.last_event_at""");

    static final Fact ATTENDANCE = new Fact("attendance_fact", """
            attendance_id uuid, session_id uuid, course_code text, priority text, attended_on date, mode text, area text,
            sector text, attended boolean, walk_in boolean, organisation_id uuid, organisation text,
            last_event_at timestamptz""", """
            ON CONFLICT (attendance_id) DO UPDATE SET attended = excluded.attended, sector = excluded.sector,
              organisation_id = excluded.organisation_id, organisation = excluded.organisation,
              attended_on = excluded.attended_on, mode = excluded.mode, area = excluded.area,
              last_event_at = excluded.last_event_at WHERE attendance_fact.last_event_at <= excluded.last_event_at""");

    static final Fact COMPLETION = new Fact("completion_fact", """
            record_id uuid, source text, course_code text, completed_on date, mode text, elearning boolean, area text,
            sector text, completed boolean, last_event_at timestamptz""", """
            ON CONFLICT (record_id) DO UPDATE SET source = excluded.source, course_code = excluded.course_code,
              completed_on = excluded.completed_on, mode = excluded.mode, elearning = excluded.elearning,
              area = excluded.area, sector = excluded.sector, completed = excluded.completed,
              last_event_at = excluded.last_event_at WHERE completion_fact.last_event_at <= excluded.last_event_at""");

    static final Fact EVALUATION = new Fact("evaluation_fact", """
            evaluation_id uuid, session_id uuid, course_code text, session_on date, mode text, area text, sector text,
            understands boolean, confidence_before int, confidence_after int, usefulness int, last_event_at timestamptz""",
            "ON CONFLICT (evaluation_id) DO NOTHING");

    static final Map<String, EventMapping<?>> BY_TYPE = Map.ofEntries(
            entry(TrainingEventTypes.COURSE_REGISTERED, of(CourseSnapshot.class, TrainingFacts::course)),
            entry(TrainingEventTypes.COURSE_UPDATED, of(CourseSnapshot.class, TrainingFacts::course)),
            entry(TrainingEventTypes.SESSION_SCHEDULED, of(SessionScheduled.class, (e, t) -> session(e.session(), null, t))),
            entry(TrainingEventTypes.SESSION_RESCHEDULED, of(SessionRescheduled.class, (e, t) -> session(e.session(), null, t))),
            entry(TrainingEventTypes.SESSION_UPDATED, of(SessionUpdated.class, (e, t) -> session(e.session(), null, t))),
            entry(TrainingEventTypes.SESSION_CANCELLED, of(SessionCancelled.class, (e, t) -> session(e.session(), null, t))),
            entry(TrainingEventTypes.SESSION_DELIVERED, of(SessionDelivered.class, (e, t) -> session(e.session(), e, t))),
            entry(TrainingEventTypes.BOOKING_CONFIRMED, of(BookingConfirmed.class, (e, t) -> booking(e.booking(), t))),
            entry(TrainingEventTypes.BOOKING_WAITLISTED, of(BookingWaitlisted.class, (e, t) -> booking(e.booking(), t))),
            entry(TrainingEventTypes.BOOKING_PROMOTED, of(BookingPromoted.class, (e, t) -> booking(e.booking(), t))),
            entry(TrainingEventTypes.BOOKING_CANCELLED, of(BookingCancelled.class, (e, t) -> booking(e.booking(), t))),
            entry(TrainingEventTypes.ATTENDANCE_RECORDED, of(AttendanceRecorded.class, (e, t) -> attendance(e.attendance(), t))),
            entry(TrainingEventTypes.ATTENDANCE_CORRECTED, of(AttendanceCorrected.class, (e, t) -> attendance(e.attendance(), t))),
            // An attendee's identity erased in training: attendance facts hold no user id, name or address, and the
            // figures of the past do not change when a name goes.
            entry(TrainingEventTypes.ATTENDANCE_ERASED, EventMapping.ignored()),
            entry(TrainingEventTypes.EVALUATION_SUBMITTED, of(EvaluationSubmitted.class, TrainingFacts::evaluation)),
            entry(TrainingEventTypes.COMPLETION_RECORDED, of(CompletionRecorded.class, TrainingFacts::completion)),
            entry(TrainingEventTypes.COMPLETIONS_RECORDED, of(CompletionsRecorded.class, TrainingFacts::completions)),
            // The import's summary: its records came in its completions events.
            entry(TrainingEventTypes.FEED_BATCH_APPLIED, EventMapping.ignored()));

    private TrainingFacts() {
    }

    private static List<Fact.Row> course(CourseSnapshot c, EventTime t) {
        return List.of(COURSE.row(required(c.courseId(), "courseId"), c.code(), c.title(), name(c.priority()), t.at()));
    }

    /** @param delivered the counts of a delivered session, null for any other change (they are kept then) */
    private static List<Fact.Row> session(SessionSnapshot s, SessionDelivered delivered, EventTime t) {
        required(s, "session");
        return List.of(SESSION.row(required(s.sessionId(), "sessionId"), required(s.courseId(), "courseId"),
                s.courseCode(), name(s.priority()), t.day(required(s.startsAt(), "startsAt")), name(s.mode()), s.area(),
                s.access(), SectorCodes.current(s.audienceSector()), s.capacity(), s.status(),
                delivered == null ? null : delivered.booked(), delivered == null ? null : delivered.attended(),
                delivered == null ? null : delivered.noShows(), delivered == null ? null : delivered.walkIns(), t.at()));
    }

    private static List<Fact.Row> booking(BookingSnapshot b, EventTime t) {
        required(b, "booking");
        // The day it was made: staff may record a booking after its session started and say when it was made;
        // events written before bookedAt was published were made when they were written.
        return List.of(BOOKING.row(required(b.bookingId(), "bookingId"), required(b.sessionId(), "sessionId"),
                b.courseCode(), b.status(), SectorCodes.current(b.sector()), b.channel(),
                b.bookedAt() != null ? t.day(b.bookedAt()) : t.day(), t.at()));
    }

    private static List<Fact.Row> attendance(AttendanceSnapshot a, EventTime t) {
        required(a, "attendance");
        return List.of(ATTENDANCE.row(required(a.attendanceId(), "attendanceId"), required(a.sessionId(), "sessionId"),
                a.courseCode(), name(a.priority()), t.day(required(a.sessionStartsAt(), "sessionStartsAt")),
                name(a.mode()), a.area(), SectorCodes.current(a.sector()), a.attended(), a.walkIn(), a.organisationId(),
                organisation(a.organisation()), t.at()));
    }

    /** As written, its spacing tidied (at most the 200 characters training takes). */
    private static String organisation(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String tidy = text.strip().replaceAll("\\s+", " ");
        return tidy.length() > 200 ? tidy.substring(0, 200) : tidy;
    }

    private static List<Fact.Row> evaluation(EvaluationSubmitted e, EventTime t) {
        return List.of(EVALUATION.row(required(e.evaluationId(), "evaluationId"), required(e.sessionId(), "sessionId"),
                e.courseCode(), t.day(required(e.sessionStartsAt(), "sessionStartsAt")), name(e.mode()), e.area(),
                SectorCodes.current(e.sector()), e.understandsHowToShareConcern(), e.confidenceBefore(),
                e.confidenceAfter(), e.usefulness(), t.at()));
    }

    private static List<Fact.Row> completion(CompletionRecorded c, EventTime t) {
        return List.of(COMPLETION.row(required(c.recordId(), "recordId"), c.source(), c.courseCode(),
                date(c.completedOn()), name(c.mode()), c.elearning(), c.area(), SectorCodes.current(c.sector()),
                c.completed(), t.at()));
    }

    /** A feed import's records, column-wise: the i-th record is the i-th entry of every list. */
    private static List<Fact.Row> completions(CompletionsRecorded d, EventTime t) {
        CompletionsRecorded.Records records = required(d.records(), "records");
        int size = required(records.recordId(), "recordId").size();
        // A list one short would shift every later record's values onto the wrong record.
        column(records.courseCode(), "courseCode", size);
        column(records.completedOn(), "completedOn", size);
        column(records.mode(), "mode", size);
        column(records.elearning(), "elearning", size);
        column(records.area(), "area", size);
        column(records.sector(), "sector", size);
        column(records.completed(), "completed", size);
        List<Fact.Row> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(COMPLETION.row(required(records.recordId().get(i), "recordId"), d.source(),
                    records.courseCode().get(i), date(records.completedOn().get(i)), name(records.mode().get(i)),
                    required(records.elearning().get(i), "elearning"), records.area().get(i),
                    SectorCodes.current(records.sector().get(i)), required(records.completed().get(i), "completed"),
                    t.at()));
        }
        return rows;
    }

    private static void column(List<?> column, String field, int size) {
        if (required(column, field).size() != size) {
            throw new IllegalArgumentException(field + " does not list one value per record");
        }
    }
}

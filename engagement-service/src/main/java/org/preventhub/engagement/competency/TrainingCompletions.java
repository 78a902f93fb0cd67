package org.preventhub.engagement.competency;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.reference.ReferenceDataConfig;

import io.agroal.api.AgroalDataSource;

/** Completions learnt from training's events, by staff user id: written by the consumer, read for competency. */
@ApplicationScoped
public class TrainingCompletions {

    /** One of training's events that competency acts on, by its id. */
    public sealed interface Event permits Attendance, Erasure {
        String eventId();
    }

    /** One attendance as its latest event has it. */
    public record Attendance(String eventId, UUID attendanceId, String userId, String courseCode, Instant sessionStartsAt,
            boolean attended, Instant eventTime) implements Event {
    }

    /** The attendee's identity was erased from this attendance in training: it is forgotten here, for good. */
    public record Erasure(String eventId, UUID attendanceId) implements Event {
    }

    private final AgroalDataSource dataSource;
    private final ZoneId zone;

    public TrainingCompletions(AgroalDataSource dataSource, ReferenceDataConfig reference) {
        this.dataSource = dataSource;
        this.zone = reference.timezone();
    }

    /**
     * Applies a batch in one transaction: each event id is recorded first, and only an event recorded for the first
     * time changes a completion, so a redelivered batch changes nothing. An older event never overwrites a newer one.
     * An erasure deletes the attendance's completion and is remembered, so no event of that attendance read later (a
     * replay of the log, or one delivered out of order) brings the person back.
     *
     * @return how many events were new
     */
    public int apply(String topic, List<? extends Event> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> fresh = new HashSet<>();
                try (PreparedStatement record = c.prepareStatement("INSERT INTO consumed_event (id, topic) "
                        + "SELECT unnest(?::varchar[]), ? ON CONFLICT DO NOTHING RETURNING id")) {
                    Array ids = c.createArrayOf("varchar", batch.stream().map(Event::eventId).distinct().toArray());
                    record.setArray(1, ids);
                    record.setString(2, topic);
                    try (ResultSet rs = record.executeQuery()) {
                        while (rs.next()) {
                            fresh.add(rs.getString(1));
                        }
                    }
                }
                List<Attendance> attendance = new ArrayList<>();
                List<UUID> erased = new ArrayList<>();
                for (Event event : batch) {
                    if (!fresh.remove(event.eventId())) {
                        continue; // already applied, or twice in this batch
                    }
                    if (event instanceof Erasure e) {
                        erased.add(e.attendanceId());
                    } else {
                        attendance.add((Attendance) event);
                    }
                }
                // Erasure is final, so the order within the batch does not matter: the completions first, then the
                // erasures delete any of them (and the erased ones are not written at all).
                int done = upsert(c, attendance) + erase(c, erased);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private int upsert(Connection c, List<Attendance> attendance) throws SQLException {
        if (attendance.isEmpty()) {
            return 0;
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO training_completion (attendance_id, user_id, course_code, completed_on, attended, last_event_at)
                SELECT CAST(? AS uuid), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS date), CAST(? AS boolean),
                       CAST(? AS timestamptz)
                WHERE NOT EXISTS (SELECT 1 FROM erased_attendance WHERE attendance_id = ?)
                ON CONFLICT (attendance_id) DO UPDATE SET user_id = EXCLUDED.user_id,
                    course_code = EXCLUDED.course_code, completed_on = EXCLUDED.completed_on,
                    attended = EXCLUDED.attended, last_event_at = EXCLUDED.last_event_at
                WHERE training_completion.last_event_at <= EXCLUDED.last_event_at""")) {
            for (Attendance a : attendance) {
                upsert.setObject(1, a.attendanceId());
                upsert.setString(2, a.userId());
                upsert.setString(3, a.courseCode());
                upsert.setDate(4, Date.valueOf(LocalDate.ofInstant(a.sessionStartsAt(), zone)));
                upsert.setBoolean(5, a.attended());
                upsert.setTimestamp(6, Timestamp.from(a.eventTime()));
                upsert.setObject(7, a.attendanceId());
                upsert.addBatch();
            }
            return upsert.executeBatch().length;
        }
    }

    private static int erase(Connection c, List<UUID> attendanceIds) throws SQLException {
        if (attendanceIds.isEmpty()) {
            return 0;
        }
        Array ids = c.createArrayOf("uuid", attendanceIds.toArray());
        try (PreparedStatement remember = c.prepareStatement("""
                INSERT INTO erased_attendance (attendance_id) SELECT DISTINCT unnest(?::uuid[]) ON CONFLICT DO NOTHING""");
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM training_completion WHERE attendance_id = ANY (?::uuid[])")) {
            remember.setArray(1, ids);
            remember.executeUpdate();
            delete.setArray(1, ids);
            delete.executeUpdate();
        }
        return attendanceIds.size();
    }

    /**
     * The latest completion on or before {@code asOf} of each course by each of these users.
     *
     * @return user id to course code to day
     */
    public Map<String, Map<String, LocalDate>> latest(Collection<String> userIds, LocalDate asOf) {
        Map<String, Map<String, LocalDate>> latest = new HashMap<>();
        if (userIds.isEmpty()) {
            return latest;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        SELECT user_id, course_code, max(completed_on) FROM training_completion
                        WHERE attended AND user_id = ANY (?) AND completed_on <= ? GROUP BY user_id, course_code""")) {
            select.setArray(1, c.createArrayOf("varchar", new ArrayList<>(userIds).toArray()));
            select.setDate(2, Date.valueOf(asOf));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    latest.computeIfAbsent(rs.getString(1), u -> new HashMap<>()).put(rs.getString(2),
                            rs.getDate(3).toLocalDate());
                }
            }
            return latest;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read training completions", e);
        }
    }
}

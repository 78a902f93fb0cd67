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

    /** One attendance as its latest event has it. */
    public record Attendance(String eventId, UUID attendanceId, String userId, String courseCode, Instant sessionStartsAt,
            boolean attended, Instant eventTime) {
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
     *
     * @return how many events were new
     */
    public int apply(String topic, List<Attendance> batch) throws SQLException {
        if (batch.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> fresh = new HashSet<>();
                try (PreparedStatement record = c.prepareStatement("INSERT INTO consumed_event (id, topic) "
                        + "SELECT unnest(?::varchar[]), ? ON CONFLICT DO NOTHING RETURNING id")) {
                    Array ids = c.createArrayOf("varchar", batch.stream().map(Attendance::eventId).distinct().toArray());
                    record.setArray(1, ids);
                    record.setString(2, topic);
                    try (ResultSet rs = record.executeQuery()) {
                        while (rs.next()) {
                            fresh.add(rs.getString(1));
                        }
                    }
                }
                try (PreparedStatement upsert = c.prepareStatement("""
                        INSERT INTO training_completion (attendance_id, user_id, course_code, completed_on, attended, last_event_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (attendance_id) DO UPDATE SET user_id = EXCLUDED.user_id,
                            course_code = EXCLUDED.course_code, completed_on = EXCLUDED.completed_on,
                            attended = EXCLUDED.attended, last_event_at = EXCLUDED.last_event_at
                        WHERE training_completion.last_event_at <= EXCLUDED.last_event_at""")) {
                    for (Attendance a : batch) {
                        if (!fresh.remove(a.eventId())) {
                            continue; // already applied, or twice in this batch
                        }
                        upsert.setObject(1, a.attendanceId());
                        upsert.setString(2, a.userId());
                        upsert.setString(3, a.courseCode());
                        upsert.setDate(4, Date.valueOf(LocalDate.ofInstant(a.sessionStartsAt(), zone)));
                        upsert.setBoolean(5, a.attended());
                        upsert.setTimestamp(6, Timestamp.from(a.eventTime()));
                        upsert.addBatch();
                    }
                    int[] done = upsert.executeBatch();
                    c.commit();
                    return done.length;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
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

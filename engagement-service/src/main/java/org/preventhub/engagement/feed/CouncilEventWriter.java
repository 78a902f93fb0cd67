package org.preventhub.engagement.feed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.engagement.CommunityEventChanged;
import org.preventhub.contracts.engagement.CommunityEventSnapshot;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.platform.feed.FeedBatch;
import org.preventhub.platform.feed.FeedCounts;
import org.preventhub.platform.outbox.Outbox;

/**
 * Applies (or, in a dry run, previews) the {@code events} feed's staged rows with set-based SQL. {@link #preview}
 * and {@link #apply} share one definition of what a record changes, so a dry run predicts exactly what applying
 * does. The events' {@code engagement.event.*.v1} payloads are {@link CommunityEventChanged} records made in Java
 * from the rows as written, and recorded through the {@link Outbox}, the one owner of the outbox table.
 */
final class CouncilEventWriter {

    /** Events recorded per batch: memory stays flat however many events a file changes. */
    private static final int EVENTS_PER_BATCH = 1000;

    /**
     * Each staged row beside the event its record id names, and what applying it would change. An existing event
     * changes when any field the feed carries differs (or it is not yet held); only its attendance counts as a
     * correction.
     */
    private static final String COMPARED = """
            SELECT s.line, s.natural_key, s.data,
                   coalesce(e.id, gen_random_uuid()) AS event_id,
                   e.id IS NULL AS created,
                   e.attendance AS attendance_before,
                   e.status AS status_before,
                   e.id IS NULL
                     OR e.status <> 'HELD'
                     OR (e.title, e.type, e.area, e.mode, e.priority, e.audience, e.venue, e.funding_note, e.attendance,
                         e.attendance_counted_by)
                        IS DISTINCT FROM
                        (s.data->>'title', s.data->>'type', s.data->>'area', s.data->>'mode', s.data->>'priority',
                         s.data->>'audience', s.data->>'venue', s.data->>'fundingNote', (s.data->>'attendance')::int,
                         s.data->>'countedBy')
                     OR ARRAY(SELECT d.day FROM community_event_day d WHERE d.event_id = e.id ORDER BY d.day)
                        IS DISTINCT FROM
                        ARRAY(SELECT x::date FROM jsonb_array_elements_text(s.data->'dates') x ORDER BY 1)
                     OR ARRAY(SELECT p.organisation_id::text || ':' || p.role FROM community_event_partner p
                              WHERE p.event_id = e.id ORDER BY 1)
                        IS DISTINCT FROM
                        ARRAY(SELECT (x->>'organisationId') || ':' || (x->>'role')
                              FROM jsonb_array_elements(s.data->'partners') x ORDER BY 1) AS changed,
                   e.attendance IS DISTINCT FROM (s.data->>'attendance')::int AS attendance_changed
            FROM feed_staged_row s LEFT JOIN community_event e ON e.source = ? AND e.external_id = s.natural_key
            WHERE s.job_id = ?""";

    private final Outbox outbox;

    CouncilEventWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    FeedCounts preview(FeedBatch batch) throws SQLException {
        try (PreparedStatement select = batch.connection().prepareStatement("""
                SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE changed AND NOT created),
                       count(*) FILTER (WHERE NOT changed)
                FROM (%s) compared""".formatted(COMPARED))) {
            select.setString(1, batch.source());
            select.setObject(2, batch.jobId());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new FeedCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /**
     * Writes every changed record in a handful of statements, whatever the file's size: the changes are worked out
     * once into a temporary table (dropped at commit), then events, days, partners and attendance history are
     * written from it, and each changed event is published through the {@link Outbox}.
     */
    FeedCounts apply(FeedBatch batch) throws SQLException {
        Connection c = batch.connection();
        try (Statement create = c.createStatement()) {
            create.execute("""
                    CREATE TEMPORARY TABLE feed_event_change (line bigint, natural_key text, data jsonb, event_id uuid,
                        created boolean, attendance_before integer, status_before varchar(20), changed boolean,
                        attendance_changed boolean) ON COMMIT DROP""");
        }
        update(c, "INSERT INTO feed_event_change " + COMPARED, batch.source(), batch.jobId());
        try (Statement index = c.createStatement()) {
            index.execute("CREATE INDEX ON feed_event_change (event_id)");
            index.execute("ANALYZE feed_event_change");
        }
        update(c, """
                INSERT INTO community_event (id, title, type, status, mode, venue, area, priority, audience, attendance,
                    attendance_counted_by, funding_note, first_day, last_day, source, external_id, version, created_at,
                    updated_at)
                SELECT x.event_id, x.data->>'title', x.data->>'type', 'HELD', x.data->>'mode', x.data->>'venue',
                       x.data->>'area', x.data->>'priority', x.data->>'audience', (x.data->>'attendance')::int,
                       x.data->>'countedBy', x.data->>'fundingNote', (x.data->'dates'->>0)::date,
                       (x.data->'dates'->> -1)::date, ?, x.natural_key, 0, now(), now()
                FROM feed_event_change x WHERE x.created""", batch.source());
        // Outcomes, follow-up actions and planned attendance are not the feed's: an update leaves them alone.
        update(c, """
                UPDATE community_event e SET title = x.data->>'title', type = x.data->>'type', status = 'HELD',
                       mode = x.data->>'mode', venue = x.data->>'venue', area = x.data->>'area',
                       priority = x.data->>'priority', audience = x.data->>'audience',
                       attendance = (x.data->>'attendance')::int, attendance_counted_by = x.data->>'countedBy',
                       funding_note = x.data->>'fundingNote', first_day = (x.data->'dates'->>0)::date,
                       last_day = (x.data->'dates'->> -1)::date, version = e.version + 1, updated_at = now()
                FROM feed_event_change x WHERE e.id = x.event_id AND x.changed AND NOT x.created""");
        update(c, """
                DELETE FROM community_event_day d USING feed_event_change x
                WHERE d.event_id = x.event_id AND x.changed AND NOT x.created""");
        update(c, """
                INSERT INTO community_event_day (event_id, day)
                SELECT x.event_id, day::date FROM feed_event_change x, jsonb_array_elements_text(x.data->'dates') day
                WHERE x.changed""");
        update(c, """
                DELETE FROM community_event_partner p USING feed_event_change x
                WHERE p.event_id = x.event_id AND x.changed AND NOT x.created""");
        update(c, """
                INSERT INTO community_event_partner (event_id, organisation_id, role)
                SELECT x.event_id, (link->>'organisationId')::uuid, link->>'role'
                FROM feed_event_change x, jsonb_array_elements(x.data->'partners') link
                WHERE x.changed""");
        update(c, """
                INSERT INTO attendance_record (id, event_id, kind, attendance, counted_by, reason, recorded_by, recorded_at)
                SELECT gen_random_uuid(), x.event_id,
                       CASE WHEN x.attendance_before IS NULL THEN 'RECORDED' ELSE 'CORRECTED' END,
                       (x.data->>'attendance')::int, x.data->>'countedBy',
                       CASE WHEN x.created THEN NULL ELSE 'Council feed from ' || ? END, 'feed:' || ?, now()
                FROM feed_event_change x WHERE x.attendance_changed""", batch.source(), batch.source());
        publish(batch);
        try (Statement count = c.createStatement();
                ResultSet rs = count.executeQuery("""
                        SELECT count(*) FILTER (WHERE created), count(*) FILTER (WHERE changed AND NOT created),
                               count(*) FILTER (WHERE NOT changed)
                        FROM feed_event_change""")) {
            rs.next();
            return new FeedCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Each changed event as written, made into its event: held (new, or not held before), corrected or updated. */
    private void publish(FeedBatch batch) throws SQLException {
        Connection c = batch.connection();
        List<Outbox.Pending> events = new ArrayList<>(EVENTS_PER_BATCH);
        try (PreparedStatement select = c.prepareStatement("""
                SELECT x.created OR x.status_before <> 'HELD' AS held, x.attendance_changed, x.attendance_before,
                       e.id, e.title, e.type, e.status, e.mode, e.area, e.priority, e.audience, e.planned_attendance,
                       e.attendance, e.attendance_counted_by, e.source,
                       ARRAY(SELECT d.day FROM community_event_day d WHERE d.event_id = e.id ORDER BY d.day) AS days,
                       ARRAY(SELECT DISTINCT o.type FROM community_event_partner p
                             JOIN organisation o ON o.id = p.organisation_id WHERE p.event_id = e.id ORDER BY 1) AS partner_types
                FROM feed_event_change x JOIN community_event e ON e.id = x.event_id
                WHERE x.changed
                ORDER BY x.line""")) {
            select.setFetchSize(EVENTS_PER_BATCH);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.add(event(rs));
                    if (events.size() == EVENTS_PER_BATCH) {
                        outbox.record(c, events);
                        events.clear();
                    }
                }
            }
        }
        outbox.record(c, events);
    }

    private Outbox.Pending event(ResultSet rs) throws SQLException {
        Integer previousAttendance = null;
        String type;
        if (rs.getBoolean("held")) {
            type = EngagementEventTypes.EVENT_HELD;
        } else if (rs.getBoolean("attendance_changed")) {
            type = EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED;
            previousAttendance = rs.getObject("attendance_before", Integer.class);
        } else {
            type = EngagementEventTypes.EVENT_UPDATED;
        }
        UUID id = rs.getObject("id", UUID.class);
        CommunityEventSnapshot snapshot = new CommunityEventSnapshot(id, rs.getString("title"), rs.getString("type"),
                rs.getString("status"), days(rs.getArray("days")), DeliveryMode.valueOf(rs.getString("mode")),
                rs.getString("area"), Priority.valueOf(rs.getString("priority")), rs.getString("audience"),
                rs.getObject("planned_attendance", Integer.class), rs.getObject("attendance", Integer.class),
                rs.getString("attendance_counted_by"), Arrays.asList((String[]) rs.getArray("partner_types").getArray()),
                rs.getString("source"));
        return outbox.event(EngagementEventTypes.AGGREGATE_EVENT, id, type,
                new CommunityEventChanged(snapshot, previousAttendance));
    }

    private static List<LocalDate> days(Array array) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        for (Object day : (Object[]) array.getArray()) {
            days.add(((Date) day).toLocalDate());
        }
        return days;
    }
}

package org.preventhub.training.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.contracts.Sector;
import org.preventhub.contracts.training.CompletionsRecorded;
import org.preventhub.contracts.training.FeedBatchApplied;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.feed.FeedBatch;
import org.preventhub.platform.feed.FeedContext;
import org.preventhub.platform.feed.FeedCounts;
import org.preventhub.platform.feed.FeedField;
import org.preventhub.platform.feed.FeedHandler;
import org.preventhub.platform.feed.FeedRecord;
import org.preventhub.platform.feed.FeedRejection;
import org.preventhub.platform.feed.StagedRecord;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.reference.Areas;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code completions} feed: councils' learning systems report who attended or completed which course
 * (in person, online or e-learning). Codes for courses, areas and sectors may be the council's own, mapped by the
 * Prevent team ({@code course}, {@code area}, {@code sector} mappings); the service's own codes are taken as they
 * are. Applied with set-based SQL so a million-line file goes in at database speed; the records it created or
 * changed go out in {@code training.completions.recorded.v1} events of up to 500 each (no name or email in them).
 */
@ApplicationScoped
public class CompletionFeedHandler implements FeedHandler {

    static final String NAME = "completions";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Stored column, and the staged JSON it comes from: one list for preview and apply alike. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();
    static {
        COLUMNS.put("person_name", "s.data->>'person'");
        COLUMNS.put("email", "s.data->>'email'");
        COLUMNS.put("organisation", "s.data->>'organisation'");
        COLUMNS.put("sector", "s.data->>'sector'");
        COLUMNS.put("course_id", "(s.data->>'courseId')::uuid");
        COLUMNS.put("completed_on", "(s.data->>'date')::date");
        COLUMNS.put("mode", "s.data->>'mode'");
        COLUMNS.put("elearning", "(s.data->>'elearning')::boolean");
        COLUMNS.put("area", "s.data->>'area'");
        COLUMNS.put("completed", "(s.data->>'completed')::boolean");
    }

    private final AgroalDataSource dataSource;
    private final Areas areas;
    private final Outbox outbox;

    public CompletionFeedHandler(AgroalDataSource dataSource, Areas areas, Outbox outbox) {
        this.dataSource = dataSource;
        this.areas = areas;
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Attendance and e-learning completions from a council's learning system. recordId identifies the "
                + "record in that system: sending it again updates it.";
    }

    @Override
    public List<FeedField> fields() {
        return List.of(
                FeedField.required("recordId", "The council's id for this record.", "LMS-2020-000123"),
                FeedField.required("person", "Attendee's name (kept in the training service only).", "Sam Taylor"),
                FeedField.optional("email", "Attendee's email.", "sam.taylor@example.org"),
                FeedField.optional("organisation", "Where the attendee works.", "Warwick District Council"),
                FeedField.required("sector", "A sector (EDUCATION, HEALTH, ...) or the council's mapped code.", "LOCAL_AUTHORITY"),
                FeedField.required("courseCode", "The course, in the council's code (mapped) or ours.", "PREVENT-UPDATE"),
                FeedField.required("date", "Date attended or completed, YYYY-MM-DD.", "2020-05-14"),
                FeedField.required("mode", "in-person, online or e-learning.", "e-learning"),
                FeedField.optional("area", "The district or borough, in the council's code (mapped) or ours.", "warwick"),
                FeedField.required("completed", "yes or no.", "yes"));
    }

    @Override
    public StagedRecord stage(FeedRecord record, FeedContext context) throws FeedRejection {
        Map<String, Object> data = new HashMap<>();
        String recordId = record.required("recordId");
        if (recordId.length() > 200) {
            throw new FeedRejection("recordId is longer than 200 characters");
        }
        String person = record.required("person");
        if (person.length() > 200) {
            throw new FeedRejection("person is longer than 200 characters");
        }
        String email = record.text("email");
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            throw new FeedRejection("email is not an email address");
        }
        String organisation = record.text("organisation");
        if (organisation != null && organisation.length() > 200) {
            throw new FeedRejection("organisation is longer than 200 characters");
        }
        String courseCode = code(context, "course", "courseCode", record.required("courseCode"), courses(context).keySet());
        LocalDate date = record.date("date");
        if (date.isAfter(LocalDate.now().plusDays(1)) || date.isBefore(LocalDate.of(2000, 1, 1))) {
            throw new FeedRejection("date is not a plausible attendance date");
        }
        String mode = switch (record.required("mode").toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-')) {
            case "in-person", "face-to-face", "classroom" -> "IN_PERSON";
            case "online", "virtual", "webinar" -> "ONLINE";
            case "e-learning", "elearning" -> "E_LEARNING";
            default -> throw new FeedRejection("mode must be in-person, online or e-learning");
        };
        String area = record.text("area");
        if (area != null) {
            area = code(context, "area", "area", area, areas.all().keySet());
        }
        String sector = code(context, "sector", "sector", record.required("sector"), SECTORS);
        Boolean completed = record.yesNo("completed");
        if (completed == null) {
            throw new FeedRejection("completed is required");
        }
        data.put("recordId", recordId);
        data.put("person", person);
        data.put("email", email);
        data.put("organisation", organisation);
        data.put("sector", sector);
        data.put("courseId", courses(context).get(courseCode).toString());
        data.put("courseCode", courseCode);
        data.put("date", date.toString());
        data.put("mode", mode.equals("E_LEARNING") ? "ONLINE" : mode);
        data.put("elearning", mode.equals("E_LEARNING"));
        data.put("area", area);
        data.put("completed", completed);
        return new StagedRecord(record.line(), recordId, data);
    }

    private static final java.util.Set<String> SECTORS = java.util.Arrays.stream(Sector.values()).map(Enum::name)
            .collect(Collectors.toSet());

    /** The service's own code taken as is; otherwise the source's mapping; otherwise a rejection. */
    private static String code(FeedContext context, String kind, String field, String value, java.util.Set<String> own)
            throws FeedRejection {
        if (own.contains(value)) {
            return value;
        }
        String mapped = context.requireMapped(kind, field, value);
        if (!own.contains(mapped)) {
            throw new FeedRejection(field + " is mapped to a code this service does not know; ask the Prevent team to fix the mapping");
        }
        return mapped;
    }

    private Map<String, UUID> courses(FeedContext context) {
        return context.attribute("courses", () -> {
            Map<String, UUID> byCode = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement select = c.prepareStatement("SELECT code, id FROM course");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    byCode.put(rs.getString(1), rs.getObject(2, UUID.class));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the course catalogue", e);
            }
            return byCode;
        });
    }

    @Override
    public FeedCounts preview(FeedBatch batch) throws SQLException {
        String changed = changedCondition();
        try (PreparedStatement select = batch.connection().prepareStatement("""
                SELECT count(*) FILTER (WHERE r.id IS NULL),
                       count(*) FILTER (WHERE r.id IS NOT NULL AND %s),
                       count(*) FILTER (WHERE r.id IS NOT NULL AND NOT (%s))
                FROM feed_staged_row s
                LEFT JOIN completion_record r ON r.source = ? AND r.external_id = s.natural_key
                WHERE s.job_id = ?""".formatted(changed, changed))) {
            select.setString(1, batch.source());
            select.setObject(2, batch.jobId());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new FeedCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    @Override
    public FeedCounts apply(FeedBatch batch) throws SQLException {
        String columns = String.join(", ", COLUMNS.keySet());
        String values = String.join(", ", COLUMNS.values());
        String updates = COLUMNS.keySet().stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "));
        String distinct = "(" + COLUMNS.keySet().stream().map(c -> "completion_record." + c).collect(Collectors.joining(", "))
                + ") IS DISTINCT FROM (" + COLUMNS.keySet().stream().map(c -> "excluded." + c).collect(Collectors.joining(", ")) + ")";
        FeedCounts counts;
        // Rows go in sorted by record id and with time-ordered ids, so both unique indexes grow at their right edge.
        // The changed records' events are made in the same statement, up to MAX_PER_EVENT records each, column-wise
        // (building an object per record took the database three times as long), keyed by the import like the
        // batch-applied summary that follows them.
        try (PreparedStatement upsert = batch.connection().prepareStatement("""
                WITH upserted AS (
                    INSERT INTO completion_record (id, source, external_id, %1$s, import_id, created_at, updated_at)
                    SELECT uuid_v7(), ?, s.natural_key, %2$s, ?, now(), now()
                    FROM feed_staged_row s WHERE s.job_id = ?
                    ORDER BY s.natural_key
                    ON CONFLICT (source, external_id) DO UPDATE SET %3$s, import_id = excluded.import_id, updated_at = now()
                    WHERE %4$s
                    RETURNING id, (xmax = 0) AS inserted, course_id, completed_on, mode, elearning, area, sector, completed
                ),
                numbered AS (
                    SELECT u.*, c.code AS course_code, (row_number() OVER () - 1) / %7$d AS part
                    FROM upserted u JOIN course c ON c.id = u.course_id
                ),
                events AS (
                    INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, occurred_at)
                    SELECT gen_random_uuid(), '%5$s', ?, '%6$s',
                           jsonb_build_object('importId', ?::uuid, 'source', ?::text, 'part', n.part + 1,
                               'records', jsonb_build_object(
                                   'recordId', to_jsonb(array_agg(n.id)), 'courseId', to_jsonb(array_agg(n.course_id)),
                                   'courseCode', to_jsonb(array_agg(n.course_code)),
                                   'completedOn', to_jsonb(array_agg(n.completed_on)),
                                   'mode', to_jsonb(array_agg(n.mode)), 'elearning', to_jsonb(array_agg(n.elearning)),
                                   'area', to_jsonb(array_agg(n.area)), 'sector', to_jsonb(array_agg(n.sector)),
                                   'completed', to_jsonb(array_agg(n.completed)))),
                           now()
                    FROM numbered n GROUP BY n.part ORDER BY n.part
                    RETURNING 1
                )
                SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted),
                       (SELECT count(*) FROM feed_staged_row WHERE job_id = ?) - count(*)
                FROM upserted""".formatted(columns, values, updates, distinct, TrainingEventTypes.AGGREGATE_FEED_IMPORT,
                TrainingEventTypes.COMPLETIONS_RECORDED, CompletionsRecorded.MAX_PER_EVENT))) {
            upsert.setString(1, batch.source());
            upsert.setObject(2, batch.jobId());
            upsert.setObject(3, batch.jobId());
            upsert.setString(4, batch.jobId().toString());
            upsert.setObject(5, batch.jobId());
            upsert.setString(6, batch.source());
            upsert.setObject(7, batch.jobId());
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                counts = new FeedCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
        outbox.record(TrainingEventTypes.AGGREGATE_FEED_IMPORT, batch.jobId(), TrainingEventTypes.FEED_BATCH_APPLIED,
                new FeedBatchApplied(batch.jobId(), NAME, batch.source(), counts.created(), counts.updated(),
                        counts.ignored()));
        return counts;
    }

    private static String changedCondition() {
        return "(" + COLUMNS.keySet().stream().map(c -> "r." + c).collect(Collectors.joining(", ")) + ") IS DISTINCT FROM ("
                + String.join(", ", COLUMNS.values()) + ")";
    }
}

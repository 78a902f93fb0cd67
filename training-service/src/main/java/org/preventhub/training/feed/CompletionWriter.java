package org.preventhub.training.feed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.training.CompletionsRecorded;
import org.preventhub.contracts.training.FeedBatchApplied;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.feed.BinaryCopyRows;
import org.preventhub.platform.feed.CheckedRecord;
import org.preventhub.platform.feed.FeedBatch;
import org.preventhub.platform.feed.FeedCounts;
import org.preventhub.platform.feed.FeedWrite;
import org.preventhub.platform.feed.FeedWriter;
import org.preventhub.platform.outbox.Outbox;

/**
 * Writes one completions file. For each chunk, on the checking thread: looks up which records this source has sent
 * before, counts new, changed and unchanged ones, and makes the new ones into binary COPY rows (ids made here), the
 * changed ones into one UPDATE, and both into {@code training.completions.recorded.v1} events of up to
 * {@link CompletionsRecorded#MAX_PER_EVENT} records, keyed by the import like the
 * {@code training.feed.batch-applied.v1} summary that follows them. The writing thread only sends them. A dry run
 * only counts.
 */
final class CompletionWriter implements FeedWriter<Completion> {

    private static final String COLUMNS = "id, source, external_id, person_name, email, organisation, sector, "
            + "course_id, completed_on, mode, elearning, area, completed, import_id, created_at, updated_at";

    private final FeedBatch batch;
    private final Outbox outbox;
    /** Every record the file writes has the same time, as rows written by one SQL statement would. */
    private final Instant now = Instant.now();
    private final Part part = new Part();
    private int parts;
    private long created;
    private long updated;
    private long ignored;

    CompletionWriter(FeedBatch batch, Outbox outbox) {
        this.batch = batch;
        this.outbox = outbox;
    }

    @Override
    public FeedWrite prepare(List<CheckedRecord<Completion>> records, Connection committed) throws SQLException {
        Map<String, Held> held = held(records, committed);
        BinaryCopyRows inserts = new BinaryCopyRows(records.size() * 200);
        List<Held> changes = new ArrayList<>();
        List<Outbox.Pending> events = new ArrayList<>();
        // New rows go in by record id, so the chunk's entries land together in the (source, external_id) index.
        List<CheckedRecord<Completion>> byRecordId = new ArrayList<>(records);
        byRecordId.sort(Comparator.comparing(CheckedRecord::naturalKey));
        for (CheckedRecord<Completion> record : byRecordId) {
            Completion completion = record.value();
            Held before = held.get(completion.recordId());
            if (before != null && completion.sameAs(before.completion())) {
                ignored++;
                continue;
            }
            if (before == null) {
                created++;
            } else {
                updated++;
            }
            if (batch.dryRun()) {
                continue;
            }
            UUID id = before == null ? timeOrderedId() : before.id();
            if (before == null) {
                insert(inserts, id, completion);
            } else {
                changes.add(new Held(id, completion));
            }
            part.add(id, completion);
            if (part.size() == CompletionsRecorded.MAX_PER_EVENT) {
                events.add(partEvent());
            }
        }
        if (batch.dryRun()) {
            return FeedWrite.NOTHING;
        }
        return connection -> {
            if (inserts.rows() > 0) {
                inserts.copyInto(connection, "completion_record", COLUMNS);
            }
            update(connection, changes);
            outbox.record(connection, events);
        };
    }

    @Override
    public FeedCounts finish() throws SQLException {
        FeedCounts counts = new FeedCounts(created, updated, ignored);
        if (!batch.dryRun()) {
            List<Outbox.Pending> last = new ArrayList<>();
            if (part.size() > 0) {
                last.add(partEvent());
            }
            last.add(outbox.event(TrainingEventTypes.AGGREGATE_FEED_IMPORT, batch.jobId(),
                    TrainingEventTypes.FEED_BATCH_APPLIED, new FeedBatchApplied(batch.jobId(), CompletionFeedHandler.NAME,
                            batch.source(), counts.created(), counts.updated(), counts.ignored())));
            outbox.record(batch.connection(), last);
        }
        return counts;
    }

    /** A record as stored, or as it will be once the changed values are written. */
    private record Held(UUID id, Completion completion) {
    }

    /** The records of the chunk this source has sent before, by their record id. */
    private Map<String, Held> held(List<CheckedRecord<Completion>> records, Connection committed) throws SQLException {
        String[] keys = records.stream().map(CheckedRecord::naturalKey).toArray(String[]::new);
        Map<String, Held> held = new HashMap<>();
        try (PreparedStatement select = committed.prepareStatement("""
                SELECT external_id, id, person_name, email, organisation, sector, course_id, completed_on, mode,
                       elearning, area, completed
                FROM completion_record WHERE source = ? AND external_id = ANY (?)""")) {
            Array array = committed.createArrayOf("text", keys);
            select.setString(1, batch.source());
            select.setArray(2, array);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String recordId = rs.getString(1);
                    held.put(recordId, new Held(rs.getObject(2, UUID.class), new Completion(recordId, rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
                            null, rs.getObject(8, LocalDate.class), DeliveryMode.valueOf(rs.getString(9)),
                            rs.getBoolean(10), rs.getString(11), rs.getBoolean(12))));
                }
            }
            array.free();
        }
        return held;
    }

    private void insert(BinaryCopyRows rows, UUID id, Completion c) {
        rows.row(16).uuid(id).text(batch.source()).text(c.recordId()).text(c.person()).text(c.email())
                .text(c.organisation()).text(c.sector()).uuid(c.courseId()).date(c.completedOn())
                .text(c.mode().name()).bool(c.elearning()).text(c.area()).bool(c.completed()).uuid(batch.jobId())
                .timestamp(now).timestamp(now);
    }

    /** The changed records in one statement, their new values side by side in arrays. */
    private void update(Connection connection, List<Held> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[][] columns = new String[11][n];
        for (int i = 0; i < n; i++) {
            Completion c = changes.get(i).completion();
            columns[0][i] = changes.get(i).id().toString();
            columns[1][i] = c.person();
            columns[2][i] = c.email();
            columns[3][i] = c.organisation();
            columns[4][i] = c.sector();
            columns[5][i] = c.courseId().toString();
            columns[6][i] = c.completedOn().toString();
            columns[7][i] = c.mode().name();
            columns[8][i] = Boolean.toString(c.elearning());
            columns[9][i] = c.area();
            columns[10][i] = Boolean.toString(c.completed());
        }
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE completion_record r SET person_name = u.person_name, email = u.email,
                       organisation = u.organisation, sector = u.sector, course_id = u.course_id::uuid,
                       completed_on = u.completed_on::date, mode = u.mode, elearning = u.elearning::boolean,
                       area = u.area, completed = u.completed::boolean, import_id = ?, updated_at = ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::text[], ?::text[], ?::text[])
                     AS u(id, person_name, email, organisation, sector, course_id, completed_on, mode, elearning, area,
                          completed)
                WHERE r.id = u.id::uuid""")) {
            update.setObject(1, batch.jobId());
            update.setTimestamp(2, Timestamp.from(now));
            for (int column = 0; column < columns.length; column++) {
                update.setArray(column + 3, connection.createArrayOf("text", columns[column]));
            }
            update.executeUpdate();
        }
    }

    private Outbox.Pending partEvent() {
        parts++;
        return outbox.event(TrainingEventTypes.AGGREGATE_FEED_IMPORT, batch.jobId(), TrainingEventTypes.COMPLETIONS_RECORDED,
                new CompletionsRecorded(batch.jobId(), batch.source(), parts, part.drain()));
    }

    /**
     * Version 7 (RFC 9562): the millisecond first, so the ids of one file land at the right edge of the primary key
     * instead of on random pages of it.
     */
    private static UUID timeOrderedId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    /** The records of the event being filled, column-wise. */
    private static final class Part {
        private List<UUID> recordId;
        private List<UUID> courseId;
        private List<String> courseCode;
        private List<LocalDate> completedOn;
        private List<DeliveryMode> mode;
        private List<Boolean> elearning;
        private List<String> area;
        private List<String> sector;
        private List<Boolean> completed;

        Part() {
            clear();
        }

        void add(UUID id, Completion c) {
            recordId.add(id);
            courseId.add(c.courseId());
            courseCode.add(c.courseCode());
            completedOn.add(c.completedOn());
            mode.add(c.mode());
            elearning.add(c.elearning());
            area.add(c.area());
            sector.add(c.sector());
            completed.add(c.completed());
        }

        int size() {
            return recordId.size();
        }

        /** The records so far, leaving the part empty. */
        CompletionsRecorded.Records drain() {
            CompletionsRecorded.Records records = new CompletionsRecorded.Records(recordId, courseId, courseCode,
                    completedOn, mode, elearning, area, sector, completed);
            clear();
            return records;
        }

        private void clear() {
            recordId = new ArrayList<>();
            courseId = new ArrayList<>();
            courseCode = new ArrayList<>();
            completedOn = new ArrayList<>();
            mode = new ArrayList<>();
            elearning = new ArrayList<>();
            area = new ArrayList<>();
            sector = new ArrayList<>();
            completed = new ArrayList<>();
        }
    }
}

package org.preventhub.platform.testapp;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.platform.feed.CheckedRecord;
import org.preventhub.platform.feed.FeedBatch;
import org.preventhub.platform.feed.FeedContext;
import org.preventhub.platform.feed.FeedCounts;
import org.preventhub.platform.feed.FeedField;
import org.preventhub.platform.feed.FeedHandler;
import org.preventhub.platform.feed.FeedRecord;
import org.preventhub.platform.feed.FeedRecord.Delivery;
import org.preventhub.platform.feed.FeedRejection;
import org.preventhub.platform.feed.FeedWrite;
import org.preventhub.platform.feed.FeedWriter;
import org.preventhub.platform.outbox.Outbox;

/**
 * The {@code notes} feed: a record id, a text, the day it was written and how (the shared delivery words), and a
 * topic in our code or the sender's mapped one. Written chunk by chunk, with an event per note created or changed.
 */
@ApplicationScoped
public class NoteFeedHandler implements FeedHandler<NoteFeedHandler.Line> {

    public static final List<String> TOPICS = List.of("GENERAL", "URGENT");

    record Line(String recordId, String text, LocalDate day, String mode) {
    }

    private final Outbox outbox;

    NoteFeedHandler(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String name() {
        return "notes";
    }

    @Override
    public String description() {
        return "Notes from another system (platform's test application).";
    }

    @Override
    public List<FeedField> fields() {
        return List.of(FeedField.required("recordId", "The sender's id.", "N-1"),
                FeedField.required("text", "The note.", "Hello"),
                FeedField.required("date", "When it was written.", "2020-01-01"),
                FeedField.optional("mode", "in-person or online.", "online"),
                FeedField.optional("topic", "GENERAL or URGENT, or the sender's mapped code (kind 'topic').", "GENERAL"));
    }

    @Override
    public CheckedRecord<Line> check(FeedRecord record, FeedContext context) throws FeedRejection {
        String recordId = record.required("recordId", 200);
        String text = record.required("text", 300);
        LocalDate day = record.pastDate("date");
        Delivery delivery = record.delivery("mode");
        String topic = record.text("topic");
        if (topic != null) {
            context.code("topic", "topic", topic, TOPICS);
        }
        return new CheckedRecord<>(record.line(), recordId, new Line(recordId, text, day,
                delivery == null ? null : delivery.name()));
    }

    @Override
    public FeedWriter<Line> writer(FeedBatch batch) {
        return new FeedWriter<>() {
            private long created;
            private long updated;
            private long ignored;

            @Override
            public FeedWrite prepare(List<CheckedRecord<Line>> records, Connection committed) throws SQLException {
                Map<String, Line> held = held(batch.source(), records, committed);
                List<Line> changes = new ArrayList<>();
                for (CheckedRecord<Line> record : records) {
                    Line before = held.get(record.naturalKey());
                    if (before != null && before.equals(record.value())) {
                        ignored++;
                    } else {
                        changes.add(record.value());
                        if (before == null) {
                            created++;
                        } else {
                            updated++;
                        }
                    }
                }
                return batch.dryRun() ? FeedWrite.NOTHING : connection -> write(batch.source(), changes, connection);
            }

            @Override
            public FeedCounts finish() {
                return new FeedCounts(created, updated, ignored);
            }
        };
    }

    private static Map<String, Line> held(String source, List<CheckedRecord<Line>> records, Connection c)
            throws SQLException {
        Map<String, Line> held = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT external_id, text, day, mode FROM note WHERE source = ? AND external_id = ANY (?)")) {
            select.setString(1, source);
            select.setArray(2, c.createArrayOf("text", records.stream().map(CheckedRecord::naturalKey).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    held.put(rs.getString(1), new Line(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                            rs.getString(4)));
                }
            }
        }
        return held;
    }

    private void write(String source, List<Line> lines, Connection c) throws SQLException {
        List<Outbox.Pending> events = new ArrayList<>();
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO note (id, text, source, external_id, day, mode) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (source, external_id) DO UPDATE SET text = excluded.text, day = excluded.day,
                    mode = excluded.mode, version = note.version + 1
                RETURNING id, version, (xmax = 0) AS created""")) {
            for (Line line : lines) {
                upsert.setObject(1, UUID.randomUUID());
                upsert.setString(2, line.text());
                upsert.setString(3, source);
                upsert.setString(4, line.recordId());
                upsert.setDate(5, Date.valueOf(line.day()));
                upsert.setString(6, line.mode());
                try (ResultSet rs = upsert.executeQuery()) {
                    rs.next();
                    UUID id = rs.getObject(1, UUID.class);
                    events.add(outbox.event(NoteEvents.AGGREGATE, id,
                            rs.getBoolean(3) ? NoteEvents.WRITTEN : NoteEvents.CHANGED,
                            new NoteEvents.NoteChanged(id, line.text(), rs.getLong(2))));
                }
            }
        }
        outbox.record(c, events);
    }
}

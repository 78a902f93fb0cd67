package org.preventhub.reporting.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.preventhub.platform.reference.ReferenceDataConfig;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Turns CloudEvents into fact rows, in the caller's transaction: it parses each event, hands its data to the
 * mapping of its type ({@link EventMappings}: where each event is counted), de-duplicates and upserts the rows. Each event id is recorded in
 * {@code processed_event} in that same transaction, and only events recorded for the first time change a fact,
 * so a redelivery (a crash between the database commit and the offset commit, a replay) never counts twice.
 * Facts are upserted by aggregate id, and an older event never overwrites a newer one.
 * An event that cannot be read or turned into facts becomes a dead letter with its reason, is not recorded as
 * processed, and the others go on.
 */
@ApplicationScoped
public class Projector {

    public record DeadLetter(ConsumerRecord<String, String> record, String reason) {
    }

    public record Outcome(int applied, int duplicates, int ignored, List<DeadLetter> deadLetters, List<Instant> eventTimes) {

        Outcome plus(Outcome other) {
            List<DeadLetter> letters = new ArrayList<>(deadLetters);
            letters.addAll(other.deadLetters);
            List<Instant> times = new ArrayList<>(eventTimes);
            times.addAll(other.eventTimes);
            return new Outcome(applied + other.applied, duplicates + other.duplicates, ignored + other.ignored, letters, times);
        }
    }

    private record Change(String id, String type, Instant time, JsonNode data) {
    }

    /** What is kept of a change once its rows are made: not its JSON tree, which a large batch would hold through GCs. */
    private record Projectable(String id, Instant time, List<Fact.Row> rows) {
    }

    private final ObjectMapper mapper;
    /** A tolerant reader: fields a producer adds and reporting does not know are ignored, never a dead letter. */
    private final ObjectReader reader;
    private final ZoneId zone;

    public Projector(ObjectMapper mapper, ReferenceDataConfig reference) {
        this.mapper = mapper;
        this.reader = mapper.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.zone = reference.timezone();
    }

    public Outcome apply(Connection c, String schema, List<ConsumerRecord<String, String>> records) throws SQLException {
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<Projectable> projectable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Change change;
            try {
                change = parse(record);
            } catch (RuntimeException e) {
                deadLetters.add(new DeadLetter(record, "unreadable event: " + describe(e)));
                continue;
            }
            try {
                projectable.add(new Projectable(change.id(), change.time(), rowsFor(change)));
            } catch (RuntimeException e) {
                deadLetters.add(new DeadLetter(record, "cannot project " + change.type() + ": " + describe(e)));
            }
        }
        // Only events that can be projected are marked processed: a poison event fixed and sent again with the same
        // id is projected then.
        Set<String> fresh = recordFirstSeen(c, schema, projectable);
        Map<Fact, List<Object[]>> batches = new LinkedHashMap<>();
        List<Instant> times = new ArrayList<>();
        int applied = 0;
        int ignored = 0;
        int duplicates = 0;
        for (Projectable p : projectable) {
            if (!fresh.remove(p.id())) {
                duplicates++;
                continue;
            }
            if (p.rows().isEmpty()) {
                ignored++;
            }
            for (Fact.Row row : p.rows()) {
                batches.computeIfAbsent(row.fact(), f -> new ArrayList<>()).add(row.params());
            }
            applied++;
            times.add(p.time());
        }
        for (Map.Entry<Fact, List<Object[]>> batch : batches.entrySet()) {
            String sql = batch.getKey().sql(schema);
            for (List<Object[]> round : rounds(batch.getValue())) {
                upsert(c, sql, round);
            }
        }
        return new Outcome(applied, duplicates, ignored, deadLetters, times);
    }

    /**
     * Splits rows into rounds in which each key (the first parameter of every fact statement) appears at most
     * once, keeping each key's changes in their order: one multi-row upsert cannot touch a row twice.
     */
    static List<List<Object[]>> rounds(List<Object[]> rows) {
        List<List<Object[]>> rounds = new ArrayList<>();
        Map<Object, Integer> seen = new HashMap<>();
        for (Object[] row : rows) {
            int round = seen.merge(row[0], 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(row);
        }
        return rounds;
    }

    /** All the rows of a round in one statement, a text array per column. */
    private static void upsert(Connection c, String sql, List<Object[]> rows) throws SQLException {
        int columns = rows.get(0).length;
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int column = 0; column < columns; column++) {
                String[] values = new String[rows.size()];
                for (int row = 0; row < values.length; row++) {
                    values[row] = asText(rows.get(row)[column]);
                }
                statement.setArray(column + 1, c.createArrayOf("text", values));
            }
            statement.executeUpdate();
        }
    }

    /** A value as PostgreSQL reads it back from text; instants in UTC, so the session's time zone cannot shift them. */
    static String asText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof String[] strings) {
            StringBuilder literal = new StringBuilder("{");
            for (int i = 0; i < strings.length; i++) {
                literal.append(i == 0 ? "" : ",").append('"')
                        .append(strings[i].replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
            return literal.append('}').toString();
        }
        return value.toString(); // text, a UUID, a java.sql.Date (yyyy-mm-dd), a number, a boolean
    }

    /** @return the ids seen for the first time (the others were projected before) */
    private static Set<String> recordFirstSeen(Connection c, String schema, List<Projectable> changes) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (changes.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema
                + ".processed_event (id) SELECT unnest(?::varchar[]) ON CONFLICT DO NOTHING RETURNING id")) {
            insert.setArray(1, c.createArrayOf("varchar", changes.stream().map(Projectable::id).distinct().toArray()));
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    private Change parse(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        String time = header(record, "ce_time");
        if (id == null || type == null) {
            throw new IllegalArgumentException("not a CloudEvent: no ce_id or ce_type header");
        }
        try {
            JsonNode data = mapper.readTree(record.value());
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("the data is not a JSON object");
            }
            return new Change(id, type, time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time), data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the data is not JSON");
        }
    }

    /** The event's data bound to its contract record and made into rows, by the mapping of its type. */
    private List<Fact.Row> rowsFor(Change change) {
        EventMapping<?> mapping = EventMappings.BY_TYPE.get(change.type());
        if (mapping == null) {
            return List.of(); // a type reporting does not know (yet): recorded as processed, no fact
        }
        return mapping.project(reader, change.data(), new EventMapping.EventTime(change.time(), zone));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

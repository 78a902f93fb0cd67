package org.preventhub.reporting.projection;

import java.nio.charset.StandardCharsets;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.preventhub.contracts.SectorCodes;
import org.preventhub.platform.reference.ReferenceDataConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns CloudEvents into fact rows, in the caller's transaction. Each event id is recorded in
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

    private record Row(Fact fact, Object[] params) {
    }

    /**
     * One fact table's upsert, written as DDL-like {@code name type} pairs and the conflict rule. Rows are sent as one
     * text array per column and unnested on the server: one statement shape, prepared once, whatever the batch size,
     * instead of a VALUES list of thousands of parameters parsed and planned for every batch.
     */
    record Fact(String table, String columnSpec, String onConflict) {

        String sql(String schema) {
            List<String> names = new ArrayList<>();
            List<String> selected = new ArrayList<>();
            List<String> arrays = new ArrayList<>();
            for (String column : columnSpec.strip().split(",\\s*")) {
                String[] nameAndType = column.strip().split("\\s+", 2);
                String name = nameAndType[0];
                String type = nameAndType[1];
                names.add(name);
                // An array column arrives as one array literal per row: unnest would flatten an array of arrays.
                boolean arrayValued = type.endsWith("[]");
                selected.add(arrayValued ? name + "::" + type : name);
                arrays.add("?::" + (arrayValued ? "text" : type) + "[]");
            }
            return "INSERT INTO " + schema + "." + table + " (" + String.join(", ", names) + ") SELECT "
                    + String.join(", ", selected) + " FROM unnest(" + String.join(", ", arrays) + ") AS v("
                    + String.join(", ", names) + ") " + onConflict;
        }
    }

    /** What is kept of a change once its rows are made: not its JSON tree, which a large batch would hold through GCs. */
    private record Projectable(String id, Instant time, List<Row> rows) {
    }

    private final ObjectMapper mapper;
    private final ZoneId zone;

    public Projector(ObjectMapper mapper, ReferenceDataConfig reference) {
        this.mapper = mapper;
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
            for (Row row : p.rows()) {
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

    // --- the facts ---------------------------------------------------------------------------------------------

    private static final Fact COURSE = new Fact("course_dim",
            "course_id uuid, code text, title text, priority text, last_event_at timestamptz", """
            ON CONFLICT (course_id) DO UPDATE SET code = excluded.code, title = excluded.title, priority = excluded.priority,
              last_event_at = excluded.last_event_at WHERE course_dim.last_event_at <= excluded.last_event_at""");

    private static final Fact SESSION = new Fact("session_fact", """
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

    private static final Fact BOOKING = new Fact("booking_fact", """
            booking_id uuid, session_id uuid, course_code text, status text, sector text, channel text, booked_on date,
            last_event_at timestamptz""", """
            ON CONFLICT (booking_id) DO UPDATE SET status = excluded.status, sector = excluded.sector,
              channel = excluded.channel, booked_on = least(booking_fact.booked_on, excluded.booked_on),
              last_event_at = excluded.last_event_at WHERE booking_fact.last_event_at <= excluded.last_event_at""");

    private static final Fact ATTENDANCE = new Fact("attendance_fact", """
            attendance_id uuid, session_id uuid, course_code text, priority text, attended_on date, mode text, area text,
            sector text, attended boolean, walk_in boolean, last_event_at timestamptz""", """
            ON CONFLICT (attendance_id) DO UPDATE SET attended = excluded.attended, sector = excluded.sector,
              attended_on = excluded.attended_on, mode = excluded.mode, area = excluded.area,
              last_event_at = excluded.last_event_at WHERE attendance_fact.last_event_at <= excluded.last_event_at""");

    private static final Fact COMPLETION = new Fact("completion_fact", """
            record_id uuid, source text, course_code text, completed_on date, mode text, elearning boolean, area text,
            sector text, completed boolean, last_event_at timestamptz""", """
            ON CONFLICT (record_id) DO UPDATE SET source = excluded.source, course_code = excluded.course_code,
              completed_on = excluded.completed_on, mode = excluded.mode, elearning = excluded.elearning,
              area = excluded.area, sector = excluded.sector, completed = excluded.completed,
              last_event_at = excluded.last_event_at WHERE completion_fact.last_event_at <= excluded.last_event_at""");

    private static final Fact EVALUATION = new Fact("evaluation_fact", """
            evaluation_id uuid, session_id uuid, course_code text, session_on date, mode text, area text, sector text,
            understands boolean, confidence_before int, confidence_after int, usefulness int, last_event_at timestamptz""",
            "ON CONFLICT (evaluation_id) DO NOTHING");

    private static final Fact REFERRAL = new Fact("referral_fact", """
            pseudonym text, stage text, received_on date, referrer_sector text, concern_types text[], age_band text,
            gender text, area text, urgency text, screened_on date, screening_outcome text, discussed_at_panel_on date,
            panel_outcome text, consent_on date, consent text, support_started_on date, exited_on date,
            exit_outcome text, reviews_done int, next_review_due date, closed_on date, ho_concern_type text,
            ho_age_band text, last_event_at timestamptz""", """
            ON CONFLICT (pseudonym) DO UPDATE SET stage = excluded.stage, received_on = excluded.received_on,
              referrer_sector = excluded.referrer_sector, concern_types = excluded.concern_types,
              age_band = excluded.age_band, gender = excluded.gender, area = excluded.area, urgency = excluded.urgency,
              screened_on = excluded.screened_on, screening_outcome = excluded.screening_outcome,
              discussed_at_panel_on = excluded.discussed_at_panel_on, panel_outcome = excluded.panel_outcome,
              consent_on = excluded.consent_on, consent = excluded.consent,
              support_started_on = excluded.support_started_on, exited_on = excluded.exited_on,
              exit_outcome = excluded.exit_outcome, reviews_done = excluded.reviews_done,
              next_review_due = excluded.next_review_due, closed_on = excluded.closed_on,
              ho_concern_type = excluded.ho_concern_type, ho_age_band = excluded.ho_age_band,
              last_event_at = excluded.last_event_at WHERE referral_fact.last_event_at <= excluded.last_event_at""");

    private static final Fact ENGAGEMENT_EVENT = new Fact("engagement_event_fact", """
            event_id text, title text, type text, status text, area text, priority text, audience text, mode text,
            first_on date, last_on date, days int, attendance int, partner_types text[], last_event_at timestamptz""", """
            ON CONFLICT (event_id) DO UPDATE SET title = excluded.title, type = excluded.type, status = excluded.status,
              area = excluded.area, priority = excluded.priority, audience = excluded.audience, mode = excluded.mode,
              first_on = excluded.first_on, last_on = excluded.last_on, days = excluded.days,
              attendance = excluded.attendance, partner_types = excluded.partner_types,
              last_event_at = excluded.last_event_at WHERE engagement_event_fact.last_event_at <= excluded.last_event_at""");

    private static final Fact COMMUNICATION = new Fact("communication_fact", """
            communication_id text, title text, channel text, audience text, priority text, published_on date, reach int,
            incident_response boolean, last_event_at timestamptz""", """
            ON CONFLICT (communication_id) DO UPDATE SET title = excluded.title, channel = excluded.channel,
              audience = excluded.audience, priority = excluded.priority, published_on = excluded.published_on,
              reach = excluded.reach, incident_response = excluded.incident_response,
              last_event_at = excluded.last_event_at WHERE communication_fact.last_event_at <= excluded.last_event_at""");

    private List<Row> rowsFor(Change change) {
        JsonNode d = change.data();
        Timestamp at = Timestamp.from(change.time());
        String type = change.type();
        if (type.startsWith("training.course.")) {
            return List.of(new Row(COURSE, new Object[] { uuid(d, "courseId"), text(d, "code"), text(d, "title"),
                    text(d, "priority"), at }));
        }
        if (type.startsWith("training.session.")) {
            JsonNode s = required(d, "session");
            boolean delivered = type.equals("training.session.delivered.v1");
            return List.of(new Row(SESSION, new Object[] { uuid(s, "sessionId"), uuid(s, "courseId"), text(s, "courseCode"),
                    text(s, "priority"), day(s, "startsAt"), text(s, "mode"), text(s, "area"), text(s, "access"),
                    sector(s, "audienceSector"), integer(s, "capacity"), text(s, "status"),
                    delivered ? integer(d, "booked") : null, delivered ? integer(d, "attended") : null,
                    delivered ? integer(d, "noShows") : null, delivered ? integer(d, "walkIns") : null, at }));
        }
        if (type.startsWith("training.booking.")) {
            JsonNode b = required(d, "booking");
            // The day it was made: staff may record a booking after its session started and say when it was made;
            // events written before bookedAt was published were made when they were written.
            Date bookedOn = b.hasNonNull("bookedAt") ? day(b, "bookedAt")
                    : Date.valueOf(LocalDate.ofInstant(change.time(), zone));
            return List.of(new Row(BOOKING, new Object[] { uuid(b, "bookingId"), uuid(b, "sessionId"),
                    text(b, "courseCode"), text(b, "status"), sector(b, "sector"), text(b, "channel"), bookedOn, at }));
        }
        if (type.startsWith("training.attendance.")) {
            JsonNode a = required(d, "attendance");
            return List.of(new Row(ATTENDANCE, new Object[] { uuid(a, "attendanceId"), uuid(a, "sessionId"),
                    text(a, "courseCode"), text(a, "priority"), day(a, "sessionStartsAt"), text(a, "mode"), text(a, "area"),
                    sector(a, "sector"), bool(a, "attended"), bool(a, "walkIn"), at }));
        }
        if (type.equals("training.completion.recorded.v1")) {
            return List.of(new Row(COMPLETION, new Object[] { uuid(d, "recordId"), text(d, "source"), text(d, "courseCode"),
                    date(d, "completedOn"), text(d, "mode"), bool(d, "elearning"), text(d, "area"), sector(d, "sector"),
                    bool(d, "completed"), at }));
        }
        if (type.equals("training.completions.recorded.v1")) {
            return completions(d, at);
        }
        if (type.equals("training.evaluation.submitted.v1")) {
            return List.of(new Row(EVALUATION, new Object[] { uuid(d, "evaluationId"), uuid(d, "sessionId"),
                    text(d, "courseCode"), day(d, "sessionStartsAt"), text(d, "mode"), text(d, "area"), sector(d, "sector"),
                    bool(d, "understandsHowToShareConcern"), integer(d, "confidenceBefore"), integer(d, "confidenceAfter"),
                    integer(d, "usefulness"), at }));
        }
        if (type.startsWith("referral.")) {
            JsonNode r = required(d, "referral");
            List<String> concerns = new ArrayList<>();
            required(r, "concernTypes").forEach(n -> concerns.add(n.asText()));
            return List.of(new Row(REFERRAL, new Object[] { requiredText(r, "referralPseudonym"), requiredText(r, "stage"),
                    date(r, "receivedOn"), sector(r, "referrerSector"), concerns.toArray(String[]::new), text(r, "ageBand"),
                    text(r, "gender"), text(r, "area"), text(r, "urgency"), date(r, "screenedOn"),
                    text(r, "screeningOutcome"), date(r, "discussedAtPanelOn"), text(r, "panelOutcome"), date(r, "consentOn"),
                    text(r, "consent"), date(r, "supportStartedOn"), date(r, "exitedOn"), text(r, "exitOutcome"),
                    integer(r, "reviewsDone"), date(r, "nextReviewDue"), date(r, "closedOn"),
                    HomeOfficeCategories.concern(text(r, "homeOfficeConcernType"), concerns),
                    HomeOfficeCategories.ageBand(text(r, "homeOfficeAgeBand"), text(r, "ageBand")), at }));
        }
        if (type.startsWith("engagement.")) {
            return EngagementFacts.rows(type, d, at).stream()
                    .map(r -> new Row(r.communication() ? COMMUNICATION : ENGAGEMENT_EVENT, r.params())).toList();
        }
        return List.of(); // not a fact reporting keeps (a feed batch summary, an organisation, a future type)
    }

    /** A feed import's records, column-wise: the i-th record is the i-th entry of every list. */
    private static List<Row> completions(JsonNode d, Timestamp at) {
        String source = text(d, "source");
        JsonNode records = required(d, "records");
        int size = required(records, "recordId").size();
        JsonNode recordId = column(records, "recordId", size), courseCode = column(records, "courseCode", size),
                completedOn = column(records, "completedOn", size), mode = column(records, "mode", size),
                elearning = column(records, "elearning", size), area = column(records, "area", size),
                sector = column(records, "sector", size), completed = column(records, "completed", size);
        List<Row> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(new Row(COMPLETION, new Object[] { UUID.fromString(present(recordId.get(i), "recordId").asText()),
                    source, textOf(courseCode.get(i)), dateOf(completedOn.get(i)), textOf(mode.get(i)),
                    present(elearning.get(i), "elearning").asBoolean(), textOf(area.get(i)),
                    SectorCodes.current(textOf(sector.get(i))),
                    present(completed.get(i), "completed").asBoolean(), at }));
        }
        return rows;
    }

    // --- JSON to SQL values ------------------------------------------------------------------------------------

    static JsonNode column(JsonNode records, String field, int size) {
        JsonNode column = required(records, field);
        if (!column.isArray() || column.size() != size) {
            throw new IllegalArgumentException(field + " does not list one value per record");
        }
        return column;
    }

    static JsonNode required(JsonNode node, String field) {
        return present(node.get(field), field);
    }

    /** A value that must be there: {@code what} names it in the dead letter's reason. */
    static JsonNode present(JsonNode value, String what) {
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return value;
    }

    static String requiredText(JsonNode node, String field) {
        return required(node, field).asText();
    }

    static String text(JsonNode node, String field) {
        return textOf(node.get(field));
    }

    /** A sector as the suite's vocabulary names it now: events written before carry earlier codes. */
    static String sector(JsonNode node, String field) {
        return SectorCodes.current(text(node, field));
    }

    static String textOf(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(requiredText(node, field));
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    static Boolean bool(JsonNode node, String field) {
        return required(node, field).asBoolean();
    }

    static Date date(JsonNode node, String field) {
        return dateOf(node.get(field));
    }

    static Date dateOf(JsonNode value) {
        String day = textOf(value);
        return day == null ? null : Date.valueOf(LocalDate.parse(day));
    }

    /** The day, in the partnership's time zone, of an instant. */
    Date day(JsonNode node, String field) {
        return Date.valueOf(LocalDate.ofInstant(Instant.parse(requiredText(node, field)), zone));
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}

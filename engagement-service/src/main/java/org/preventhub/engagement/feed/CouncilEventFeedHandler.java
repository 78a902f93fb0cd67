package org.preventhub.engagement.feed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.contracts.Priority;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.platform.feed.CheckedRecord;
import org.preventhub.platform.feed.FeedBatch;
import org.preventhub.platform.feed.FeedContext;
import org.preventhub.platform.feed.FeedCounts;
import org.preventhub.platform.feed.FeedField;
import org.preventhub.platform.feed.FeedHandler;
import org.preventhub.platform.feed.FeedRecord;
import org.preventhub.platform.feed.FeedRejection;
import org.preventhub.platform.feed.FeedWriter;
import org.preventhub.platform.feed.StagedFeedWriter;
import org.preventhub.platform.reference.Areas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * The {@code events} feed: district and borough community teams report the engagement events they held, with
 * their own codes for areas, event types, counting methods and organisations (mapped by the Prevent team, never
 * guessed).
 *
 * <p>Applied with set-based SQL over the file's staged rows ({@link StagedFeedWriter}), so memory stays flat whatever
 * the file's size and the file still goes in as one transaction. {@link #preview} and {@link #apply} share
 * one definition of what a record changes, so a dry run predicts exactly what applying does. The events'
 * {@code engagement.event.*.v1} payloads are built in SQL in the shape of
 * {@link org.preventhub.contracts.engagement.CommunityEventChanged}; {@code CouncilEventFeedTest} holds the two to the
 * same fields.
 */
@ApplicationScoped
public class CouncilEventFeedHandler implements FeedHandler<Map<String, Object>> {

    /** Counting method when a record does not say: council teams count from their sign-in registers. */
    static final String DEFAULT_COUNTED_BY = "REGISTER";

    /** A day's grace, as for events recorded through the API, so a council a time zone ahead is not refused. */
    private static final int FUTURE_GRACE_DAYS = 1;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final int MAX_PARTNERS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Feed field → the partner role its organisations hold. */
    private static final Map<String, String> PARTNER_FIELDS = new LinkedHashMap<>();
    static {
        PARTNER_FIELDS.put("organisers", "ORGANISER");
        PARTNER_FIELDS.put("partners", "PARTNER");
        PARTNER_FIELDS.put("funders", "FUNDER");
    }

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

    private final Vocabulary vocabulary;
    private final Areas areas;
    private final AgroalDataSource dataSource;

    public CouncilEventFeedHandler(Vocabulary vocabulary, Areas areas, AgroalDataSource dataSource) {
        this.vocabulary = vocabulary;
        this.areas = areas;
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String description() {
        return "Community engagement events a council team held. recordId identifies the event in the council's "
                + "system: sending it again updates it, and the record replaces the event's details, days and partner "
                + "organisations (a changed attendance is kept as a correction, with the earlier figure in the history).";
    }

    @Override
    public List<FeedField> fields() {
        String organisations = "separated by ';' (or a JSON array): each the registered name, or the council's code "
                + "mapped to one (kind 'organisation').";
        return List.of(
                FeedField.required("recordId", "The council's id for the event.", "NBBC-2019-114"),
                FeedField.required("title", "What the event was.", "Community forum, Bedworth"),
                FeedField.required("eventType", "The event type, in the council's code (mapped, kind 'event-type') or ours.",
                        "PUBLIC_MEETING"),
                FeedField.required("date", "Its first day, YYYY-MM-DD; no later than tomorrow, as the feed reports events "
                        + "already held.", "2019-11-12"),
                FeedField.optional("days", "How many consecutive days it ran (1 by default).", "1"),
                FeedField.required("area", "The district or borough, in the council's code (mapped, kind 'area') or ours.",
                        "nuneaton-and-bedworth"),
                FeedField.required("attendance", "People who came.", "35"),
                FeedField.optional("countedBy", "How attendance was counted: HEADCOUNT, REGISTER, BOOKINGS or ESTIMATE, or "
                        + "the council's code (mapped, kind 'counted-by'). " + DEFAULT_COUNTED_BY + " by default.",
                        "HEADCOUNT"),
                FeedField.optional("mode", "in-person (default) or online.", "in-person"),
                FeedField.optional("venue", "Where it took place.", "Bedworth Civic Hall"),
                FeedField.optional("audience", "COMMUNITY (default), FAITH, BUSINESS, EDUCATION, VOLUNTARY_SECTOR or PROFESSIONALS.", "COMMUNITY"),
                FeedField.optional("priority", "The priority it served (COMMUNITY_ENGAGEMENT by default).", "COMMUNITY_ENGAGEMENT"),
                FeedField.optional("organisers", "Organisations that organised it, " + organisations, "EQuIP"),
                FeedField.optional("partners", "Organisations that took part, " + organisations,
                        "Warwickshire Police; Rugby Borough Council"),
                FeedField.optional("funders", "Organisations that funded it, " + organisations,
                        "Warwickshire Police and Crime Commissioner"),
                FeedField.optional("fundingNote", "How it was funded, in words.", "PCC community safety grant"));
    }

    @Override
    public CheckedRecord<Map<String, Object>> check(FeedRecord record, FeedContext context) throws FeedRejection {
        String recordId = record.required("recordId");
        String title = record.required("title");
        if (title.length() > 300 || recordId.length() > 200) {
            throw new FeedRejection("recordId or title is too long");
        }
        String type = code(context, "event-type", "eventType", record.required("eventType"), vocabulary.eventTypes());
        LocalDate date = record.date("date");
        if (date.isAfter(LocalDate.now().plusDays(FUTURE_GRACE_DAYS))) {
            throw new FeedRejection("date is in the future: the feed reports events already held");
        }
        if (date.isBefore(EARLIEST)) {
            throw new FeedRejection("date is before 2000, not a plausible event date");
        }
        Integer days = record.wholeNumber("days", 1, 60);
        String area = code(context, "area", "area", record.required("area"), List.copyOf(areas.all().keySet()));
        Integer attendance = record.wholeNumber("attendance", 0, 1_000_000);
        if (attendance == null) {
            throw new FeedRejection("attendance is required");
        }
        String countedBy = record.text("countedBy") == null ? DEFAULT_COUNTED_BY
                : code(context, "counted-by", "countedBy", record.text("countedBy").toUpperCase(Locale.ROOT),
                        record.text("countedBy"), Vocabulary.COUNTED_BY);
        String mode = record.text("mode") == null ? "IN_PERSON" : switch (record.text("mode").toLowerCase(Locale.ROOT)) {
            case "in-person", "in person", "face-to-face" -> "IN_PERSON";
            case "online", "virtual" -> "ONLINE";
            default -> throw new FeedRejection("mode must be in-person or online");
        };
        String venue = text(record, "venue", 300);
        String fundingNote = text(record, "fundingNote", 500);
        String audience = record.text("audience") == null ? "COMMUNITY" : record.text("audience");
        if (!Vocabulary.AUDIENCES.contains(audience)) {
            throw new FeedRejection("audience must be one of " + String.join(", ", Vocabulary.AUDIENCES));
        }
        String priority = record.text("priority") == null ? Priority.COMMUNITY_ENGAGEMENT.name() : record.text("priority");
        try {
            Priority.valueOf(priority);
        } catch (IllegalArgumentException e) {
            throw new FeedRejection("priority must be one of the six priorities, e.g. COMMUNITY_ENGAGEMENT");
        }
        List<String> dates = new ArrayList<>();
        for (int i = 0; i < (days == null ? 1 : days); i++) {
            dates.add(date.plusDays(i).toString());
        }
        Map<String, Object> data = new HashMap<>();
        data.put("title", title);
        data.put("type", type);
        data.put("dates", dates);
        data.put("area", area);
        data.put("attendance", attendance);
        data.put("countedBy", countedBy);
        data.put("mode", mode);
        data.put("venue", venue);
        data.put("fundingNote", fundingNote);
        data.put("audience", audience);
        data.put("priority", priority);
        data.put("partners", partners(record, context));
        return new CheckedRecord<>(record.line(), recordId, data);
    }

    private static String text(FeedRecord record, String field, int max) throws FeedRejection {
        String value = record.text(field);
        if (value != null && value.length() > max) {
            throw new FeedRejection(field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static String code(FeedContext context, String kind, String field, String value, List<String> own)
            throws FeedRejection {
        return code(context, kind, field, value, value, own);
    }

    /** Our code ({@code ours}, perhaps normalised) as it is; otherwise the council's code ({@code theirs}) mapped. */
    private static String code(FeedContext context, String kind, String field, String ours, String theirs, List<String> own)
            throws FeedRejection {
        if (own.contains(ours)) {
            return ours;
        }
        String mapped = context.requireMapped(kind, field, theirs);
        if (!own.contains(mapped)) {
            throw new FeedRejection(field + " is mapped to a code this service does not know; ask the Prevent team to fix the mapping");
        }
        return mapped;
    }

    /** The organisers, partners and funders a record names, as {@code {organisationId, role}} links. */
    private List<Map<String, String>> partners(FeedRecord record, FeedContext context) throws FeedRejection {
        List<Map<String, String>> links = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> field : PARTNER_FIELDS.entrySet()) {
            for (String reference : references(record, field.getKey())) {
                UUID id = organisation(context, field.getKey(), reference);
                if (!seen.add(id + ":" + field.getValue())) {
                    throw new FeedRejection(field.getKey() + " names the same organisation twice");
                }
                links.add(Map.of("organisationId", id.toString(), "role", field.getValue()));
            }
        }
        if (links.size() > MAX_PARTNERS) {
            throw new FeedRejection("organisers, partners and funders name more than " + MAX_PARTNERS + " organisations");
        }
        return links;
    }

    /** A list field: a JSON array (JSON feeds) or text separated by semicolons (CSV). */
    private static List<String> references(FeedRecord record, String field) throws FeedRejection {
        String value = record.text(field);
        if (value == null) {
            return List.of();
        }
        List<String> references = new ArrayList<>();
        if (value.startsWith("[")) {
            try {
                for (Object item : JSON.readValue(value, List.class)) {
                    if (!(item instanceof String text)) {
                        throw new FeedRejection(field + " must be a list of organisation names or codes");
                    }
                    references.add(text);
                }
            } catch (JsonProcessingException e) {
                throw new FeedRejection(field + " must be a list of organisation names or codes");
            }
        } else {
            references.addAll(List.of(value.split(";")));
        }
        return references.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    /** The council's code mapped to one of ours, or else one of our organisations by its registered name. */
    private UUID organisation(FeedContext context, String field, String reference) throws FeedRejection {
        KnownOrganisations known = context.attribute("organisations", this::loadOrganisations);
        String mapped = context.mapped("organisation", reference).orElse(null);
        UUID id = known.find(mapped != null ? mapped : reference);
        if (id == null && mapped != null) {
            throw new FeedRejection(field + " is mapped to an organisation this service does not know; ask the Prevent "
                    + "team to fix the mapping");
        }
        if (id == null) {
            throw new FeedRejection(field + " names an organisation that is not registered under that name and has no "
                    + "mapping for " + context.source() + " (kind 'organisation'); ask the Prevent team to register or map it");
        }
        return id;
    }

    /** Registered organisations, read once per import: checking a record never touches the database. */
    private KnownOrganisations loadOrganisations() {
        KnownOrganisations known = new KnownOrganisations(new HashSet<>(), new HashMap<>(), new HashMap<>());
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id, name FROM organisation");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                String name = rs.getString(2);
                known.ids().add(id);
                known.byName().put(name, id);
                known.byFoldedName().computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the registered organisations", e);
        }
        return known;
    }

    private record KnownOrganisations(Set<UUID> ids, Map<String, UUID> byName, Map<String, List<UUID>> byFoldedName) {

        /** By id, exact name, or a name that differs only in case when just one organisation has it. */
        UUID find(String reference) {
            try {
                UUID id = UUID.fromString(reference);
                return ids.contains(id) ? id : null;
            } catch (IllegalArgumentException notAnId) {
                // a name, then
            }
            UUID exact = byName.get(reference);
            if (exact != null) {
                return exact;
            }
            List<UUID> folded = byFoldedName.getOrDefault(reference.toLowerCase(Locale.ROOT), List.of());
            return folded.size() == 1 ? folded.get(0) : null;
        }
    }

    /** Staged, then set-based: see the class comment. */
    @Override
    public FeedWriter<Map<String, Object>> writer(FeedBatch batch) {
        return StagedFeedWriter.of(batch, this::preview, this::apply);
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
     * once into a temporary table (dropped at commit), then events, days, partners, attendance history and outbox
     * events are written from it.
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
        // The payload is CommunityEventChanged(CommunityEventSnapshot, previousAttendance), field for field.
        update(c, """
                INSERT INTO outbox_event (id, aggregatetype, aggregateid, type, payload, occurred_at)
                SELECT gen_random_uuid(), '%1$s', e.id::text, t.type,
                       jsonb_build_object('event', jsonb_build_object(
                           'eventId', e.id, 'title', e.title, 'type', e.type, 'status', e.status,
                           'dates', (SELECT jsonb_agg(d.day ORDER BY d.day) FROM community_event_day d WHERE d.event_id = e.id),
                           'mode', e.mode, 'area', e.area, 'priority', e.priority, 'audience', e.audience,
                           'plannedAttendance', e.planned_attendance, 'attendance', e.attendance,
                           'attendanceCountedBy', e.attendance_counted_by,
                           'partnerTypes', coalesce((SELECT jsonb_agg(DISTINCT o.type) FROM community_event_partner p
                               JOIN organisation o ON o.id = p.organisation_id WHERE p.event_id = e.id), '[]'::jsonb),
                           'source', e.source),
                         'previousAttendance', CASE WHEN t.type = '%4$s' THEN x.attendance_before END),
                       now()
                FROM feed_event_change x
                JOIN community_event e ON e.id = x.event_id
                CROSS JOIN LATERAL (SELECT CASE WHEN x.created OR x.status_before <> 'HELD' THEN '%2$s'
                                                WHEN x.attendance_changed THEN '%4$s' ELSE '%3$s' END AS type) t
                WHERE x.changed
                ORDER BY x.line""".formatted(EngagementEventTypes.AGGREGATE_EVENT, EngagementEventTypes.EVENT_HELD,
                EngagementEventTypes.EVENT_UPDATED, EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED));
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
}

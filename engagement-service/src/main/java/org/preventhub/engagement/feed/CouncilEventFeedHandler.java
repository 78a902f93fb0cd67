package org.preventhub.engagement.feed;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.engagement.event.EventDtos.EventRequest;
import org.preventhub.engagement.event.EventService;
import org.preventhub.platform.feed.FeedBatch;
import org.preventhub.platform.feed.FeedContext;
import org.preventhub.platform.feed.FeedCounts;
import org.preventhub.platform.feed.FeedField;
import org.preventhub.platform.feed.FeedHandler;
import org.preventhub.platform.feed.FeedRecord;
import org.preventhub.platform.feed.FeedRejection;
import org.preventhub.platform.feed.StagedRecord;
import org.preventhub.platform.reference.Areas;

/**
 * The {@code events} feed: district and borough community teams report the engagement events they held, with
 * their own codes for areas and event types (mapped by the Prevent team, never guessed).
 */
@ApplicationScoped
public class CouncilEventFeedHandler implements FeedHandler {

    private final EventService events;
    private final Vocabulary vocabulary;
    private final Areas areas;

    public CouncilEventFeedHandler(EventService events, Vocabulary vocabulary, Areas areas) {
        this.events = events;
        this.vocabulary = vocabulary;
        this.areas = areas;
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public String description() {
        return "Community engagement events a council team held. recordId identifies the event in the council's "
                + "system: sending it again updates it.";
    }

    @Override
    public List<FeedField> fields() {
        return List.of(
                FeedField.required("recordId", "The council's id for the event.", "NBBC-2019-114"),
                FeedField.required("title", "What the event was.", "Community forum, Bedworth"),
                FeedField.required("eventType", "The event type, in the council's code (mapped) or ours.", "PUBLIC_MEETING"),
                FeedField.required("date", "Its first day, YYYY-MM-DD.", "2019-11-12"),
                FeedField.optional("days", "How many days it ran (1 by default).", "1"),
                FeedField.required("area", "The district or borough, in the council's code (mapped) or ours.", "nuneaton-and-bedworth"),
                FeedField.required("attendance", "People who came.", "35"),
                FeedField.optional("mode", "in-person (default) or online.", "in-person"),
                FeedField.optional("audience", "COMMUNITY (default), FAITH, BUSINESS, EDUCATION, VOLUNTARY_SECTOR or PROFESSIONALS.", "COMMUNITY"),
                FeedField.optional("priority", "The priority it served (COMMUNITY_ENGAGEMENT by default).", "COMMUNITY_ENGAGEMENT"));
    }

    @Override
    public StagedRecord stage(FeedRecord record, FeedContext context) throws FeedRejection {
        String recordId = record.required("recordId");
        String title = record.required("title");
        if (title.length() > 300 || recordId.length() > 200) {
            throw new FeedRejection("recordId or title is too long");
        }
        String type = code(context, "event-type", "eventType", record.required("eventType"), vocabulary.eventTypes());
        LocalDate date = record.date("date");
        Integer days = record.wholeNumber("days", 1, 60);
        String area = code(context, "area", "area", record.required("area"), List.copyOf(areas.all().keySet()));
        Integer attendance = record.wholeNumber("attendance", 0, 1_000_000);
        if (attendance == null) {
            throw new FeedRejection("attendance is required");
        }
        String mode = record.text("mode") == null ? "IN_PERSON" : switch (record.text("mode").toLowerCase(Locale.ROOT)) {
            case "in-person", "in person", "face-to-face" -> "IN_PERSON";
            case "online", "virtual" -> "ONLINE";
            default -> throw new FeedRejection("mode must be in-person or online");
        };
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
        Map<String, Object> data = new HashMap<>();
        data.put("title", title);
        data.put("type", type);
        data.put("date", date.toString());
        data.put("days", days == null ? 1 : days);
        data.put("area", area);
        data.put("attendance", attendance);
        data.put("mode", mode);
        data.put("audience", audience);
        data.put("priority", priority);
        return new StagedRecord(record.line(), recordId, data);
    }

    private static String code(FeedContext context, String kind, String field, String value, List<String> own)
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

    /** Predicts {@link #apply}: new record ids are created; known ones are updated when any field differs. */
    @Override
    public FeedCounts preview(FeedBatch batch) throws SQLException {
        try (PreparedStatement select = batch.connection().prepareStatement("""
                WITH compared AS (
                  SELECT e.id IS NULL AS new,
                         e.id IS NOT NULL AND (e.attendance IS DISTINCT FROM (s.data->>'attendance')::int
                           OR e.status <> 'HELD' OR e.title <> s.data->>'title' OR e.type <> s.data->>'type'
                           OR e.area <> s.data->>'area' OR e.mode <> s.data->>'mode'
                           OR e.priority <> s.data->>'priority' OR e.audience <> s.data->>'audience'
                           OR e.first_day <> (s.data->>'date')::date
                           OR (SELECT count(*) FROM community_event_day d WHERE d.event_id = e.id) <> (s.data->>'days')::int
                           OR e.last_day <> (s.data->>'date')::date + (s.data->>'days')::int - 1) AS changed
                  FROM feed_staged_row s LEFT JOIN community_event e ON e.source = ? AND e.external_id = s.natural_key
                  WHERE s.job_id = ?)
                SELECT count(*) FILTER (WHERE new), count(*) FILTER (WHERE changed),
                       count(*) FILTER (WHERE NOT new AND NOT changed)
                FROM compared""")) {
            select.setString(1, batch.source());
            select.setObject(2, batch.jobId());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new FeedCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    @Override
    public FeedCounts apply(FeedBatch batch) {
        long[] counts = new long[3];
        batch.forEachChunk(200, chunk -> chunk.forEach(staged -> {
            LocalDate first = LocalDate.parse(staged.text("date"));
            int days = Integer.parseInt(staged.text("days"));
            List<LocalDate> dates = new ArrayList<>();
            for (int i = 0; i < days; i++) {
                dates.add(first.plusDays(i));
            }
            EventRequest request = new EventRequest(staged.text("title"), staged.text("type"), dates,
                    DeliveryMode.valueOf(staged.text("mode")), null, staged.text("area"),
                    Priority.valueOf(staged.text("priority")), staged.text("audience"), List.of(), null, null);
            switch (events.upsertHeldFromFeed(batch.source(), staged.naturalKey(), request,
                    Integer.parseInt(staged.text("attendance")), "REGISTER")) {
                case CREATED -> counts[0]++;
                case UPDATED -> counts[1]++;
                case UNCHANGED -> counts[2]++;
            }
        }));
        return new FeedCounts(counts[0], counts[1], counts[2]);
    }
}

package org.preventhub.engagement.feed;

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

import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.platform.feed.CheckedRecord;
import org.preventhub.platform.feed.FeedBatch;
import org.preventhub.platform.feed.FeedContext;
import org.preventhub.platform.feed.FeedField;
import org.preventhub.platform.feed.FeedHandler;
import org.preventhub.platform.feed.FeedRecord;
import org.preventhub.platform.feed.FeedRecord.Delivery;
import org.preventhub.platform.feed.FeedRejection;
import org.preventhub.platform.feed.FeedWriter;
import org.preventhub.platform.feed.StagedFeedWriter;
import org.preventhub.platform.outbox.Outbox;
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
 * the file's size and the file still goes in as one transaction ({@link CouncilEventWriter}). The rules of a record
 * that every feed shares (own or mapped codes, plausible dates, delivery modes, lengths) are
 * {@link FeedContext}'s and {@link FeedRecord}'s.
 */
@ApplicationScoped
public class CouncilEventFeedHandler implements FeedHandler<Map<String, Object>> {

    /** Counting method when a record does not say: council teams count from their sign-in registers. */
    static final String DEFAULT_COUNTED_BY = "REGISTER";

    private static final int MAX_PARTNERS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Feed field → the partner role its organisations hold. */
    private static final Map<String, String> PARTNER_FIELDS = new LinkedHashMap<>();
    static {
        PARTNER_FIELDS.put("organisers", "ORGANISER");
        PARTNER_FIELDS.put("partners", "PARTNER");
        PARTNER_FIELDS.put("funders", "FUNDER");
    }

    private final Vocabulary vocabulary;
    private final Areas areas;
    private final AgroalDataSource dataSource;

    private final Outbox outbox;

    public CouncilEventFeedHandler(Vocabulary vocabulary, Areas areas, AgroalDataSource dataSource, Outbox outbox) {
        this.vocabulary = vocabulary;
        this.areas = areas;
        this.dataSource = dataSource;
        this.outbox = outbox;
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
                FeedField.optional("mode", "in-person (default) or online (also: face-to-face, classroom, virtual, webinar, "
                        + "e-learning, which is online).", "in-person"),
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
        String recordId = record.required("recordId", 200);
        String title = record.required("title", 300);
        String type = context.code("event-type", "eventType", record.required("eventType"), vocabulary.eventTypes());
        LocalDate date = record.pastDate("date");
        Integer days = record.wholeNumber("days", 1, 60);
        String area = context.code("area", "area", record.required("area"), areas.all().keySet());
        Integer attendance = record.wholeNumber("attendance", 0, 1_000_000);
        if (attendance == null) {
            throw new FeedRejection("attendance is required");
        }
        String countedBy = record.text("countedBy") == null ? DEFAULT_COUNTED_BY
                : context.code("counted-by", "countedBy", record.text("countedBy").toUpperCase(Locale.ROOT),
                        record.text("countedBy"), Vocabulary.COUNTED_BY);
        Delivery delivery = record.delivery("mode");
        DeliveryMode mode = delivery == null || !delivery.online() ? DeliveryMode.IN_PERSON : DeliveryMode.ONLINE;
        String venue = record.text("venue", 300);
        String fundingNote = record.text("fundingNote", 500);
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
        data.put("mode", mode.name());
        data.put("venue", venue);
        data.put("fundingNote", fundingNote);
        data.put("audience", audience);
        data.put("priority", priority);
        data.put("partners", partners(record, context));
        return new CheckedRecord<>(record.line(), recordId, data);
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
        KnownOrganisations known = context.attribute("organisations", () -> KnownOrganisations.load(dataSource));
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

    /** Staged, then set-based: see the class comment. */
    @Override
    public FeedWriter<Map<String, Object>> writer(FeedBatch batch) {
        CouncilEventWriter writer = new CouncilEventWriter(outbox);
        return StagedFeedWriter.of(batch, writer::preview, writer::apply);
    }
}

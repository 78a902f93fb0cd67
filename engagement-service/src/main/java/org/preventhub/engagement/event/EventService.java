package org.preventhub.engagement.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.preventhub.contracts.engagement.CommunityEventChanged;
import org.preventhub.contracts.engagement.CommunityEventSnapshot;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.engagement.config.Vocabulary;
import org.preventhub.engagement.event.EventDtos.AttendanceCorrection;
import org.preventhub.engagement.event.EventDtos.AttendanceEntry;
import org.preventhub.engagement.event.EventDtos.EventRequest;
import org.preventhub.engagement.event.EventDtos.EventView;
import org.preventhub.engagement.event.EventDtos.HeldRequest;
import org.preventhub.engagement.event.EventDtos.StatusEntry;
import org.preventhub.engagement.organisation.OrganisationService;
import org.preventhub.engagement.organisation.PartnerLink;
import org.preventhub.engagement.organisation.PartnerRole;
import org.preventhub.platform.web.ListQuery;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.platform.problem.ProblemException;
import org.preventhub.platform.reference.Areas;
import org.preventhub.platform.security.CurrentUser;
import org.preventhub.platform.web.Page;
import org.preventhub.platform.web.PageParams;
import org.preventhub.platform.web.Versions;

/**
 * Community events: planned, held (with attendance and outcomes), postponed or cancelled; attendance corrected
 * later with the history kept. Each change publishes the event's snapshot, under the priority it serves.
 */
@ApplicationScoped
public class EventService {

    static final Map<String, String> SORTABLE = Map.of("firstDay", "firstDay", "lastDay", "lastDay", "title", "title",
            "area", "area", "type", "type", "status", "status", "attendance", "attendance");

    private final EntityManager em;
    private final OrganisationService organisations;
    private final Vocabulary vocabulary;
    private final Areas areas;
    private final Outbox outbox;
    private final CurrentUser user;

    public EventService(EntityManager em, OrganisationService organisations, Vocabulary vocabulary, Areas areas,
            Outbox outbox, CurrentUser user) {
        this.em = em;
        this.organisations = organisations;
        this.vocabulary = vocabulary;
        this.areas = areas;
        this.outbox = outbox;
        this.user = user;
    }

    @Transactional
    public EventView plan(EventRequest request) {
        CommunityEvent event = new CommunityEvent();
        event.id = UUID.randomUUID();
        event.status = "PLANNED";
        event.createdAt = Instant.now();
        apply(event, request);
        em.persist(event);
        em.flush();
        publish(event, EngagementEventTypes.EVENT_PLANNED, null);
        return view(event);
    }

    @Transactional
    public Optional<EventView> update(UUID id, EventRequest request, Long expectedVersion) {
        return find(id).map(event -> {
            Versions.check(expectedVersion, event.version);
            require(event, "changed", "PLANNED", "POSTPONED", "HELD");
            apply(event, request);
            em.flush();
            publish(event, EngagementEventTypes.EVENT_UPDATED, null);
            return view(event);
        });
    }

    @Transactional
    public Optional<EventView> held(UUID id, HeldRequest request) {
        return find(id).map(event -> {
            require(event, "marked held", "PLANNED", "POSTPONED");
            if (event.firstDay.isAfter(LocalDate.now().plusDays(1))) {
                throw ProblemException.conflict("event-not-started", "The event's first day, " + event.firstDay
                        + ", has not come yet.");
            }
            event.status = "HELD";
            event.attendance = request.attendance();
            event.attendanceCountedBy = request.attendance() == null ? null
                    : Vocabulary.require("countedBy", request.countedBy(), Vocabulary.COUNTED_BY);
            event.outcomes = request.outcomes();
            event.followUpActions = request.followUpActions();
            event.updatedAt = Instant.now();
            if (event.attendance != null) {
                record(event, "RECORDED", null, user.name());
            }
            em.flush();
            publish(event, EngagementEventTypes.EVENT_HELD, null);
            return view(event);
        });
    }

    @Transactional
    public Optional<EventView> correctAttendance(UUID id, AttendanceCorrection correction) {
        return find(id).map(event -> {
            require(event, "have its attendance corrected", "HELD");
            Integer previous = event.attendance;
            if (previous != null && previous.equals(correction.attendance())) {
                throw ProblemException.conflict("nothing-to-correct", "The event already has this attendance.");
            }
            event.attendance = correction.attendance();
            event.attendanceCountedBy = Vocabulary.require("countedBy", correction.countedBy(), Vocabulary.COUNTED_BY);
            event.updatedAt = Instant.now();
            record(event, previous == null ? "RECORDED" : "CORRECTED", correction.reason().strip(), user.name());
            em.flush();
            publish(event, EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED, previous);
            return view(event);
        });
    }

    @Transactional
    public Optional<EventView> cancel(UUID id, String reason) {
        return find(id).map(event -> {
            require(event, "cancelled", "PLANNED", "POSTPONED");
            event.status = "CANCELLED";
            event.outcomes = "Cancelled: " + reason.strip();
            event.updatedAt = Instant.now();
            recordStatus(event, reason);
            em.flush();
            publish(event, EngagementEventTypes.EVENT_CANCELLED, null);
            return view(event);
        });
    }

    @Transactional
    public Optional<EventView> postpone(UUID id, EventDtos.PostponeRequest request) {
        return find(id).map(event -> {
            require(event, "postponed", "PLANNED", "POSTPONED");
            event.status = "POSTPONED";
            if (request.newDates() != null && !request.newDates().isEmpty()) {
                setDays(event, request.newDates());
            }
            event.updatedAt = Instant.now();
            recordStatus(event, request.reason());
            em.flush();
            publish(event, EngagementEventTypes.EVENT_POSTPONED, null);
            return view(event);
        });
    }

    @Transactional
    public Optional<EventView> get(UUID id) {
        return find(id).map(this::view);
    }

    @Transactional
    public Page<EventView> list(EventFilter filter, PageParams page) {
        return ListQuery.of(CommunityEvent.class, "e")
                .when(filter.type, "type", "e.type = :type")
                .when(filter.area, "area", "e.area = :area")
                .when(filter.priority, "priority", "e.priority = :priority")
                .when(filter.status, "status", "e.status = :status")
                .when(filter.audience, "audience", "e.audience = :audience")
                .when(filter.mode, "mode", "e.mode = :mode")
                .when(filter.partner, "partner",
                        "exists (select 1 from CommunityEvent x join x.partners p where x = e and p.organisationId = :partner)")
                .when(filter.from, "from", "e.lastDay >= :from")
                .when(filter.to, "to", "e.firstDay <= :to")
                .page(em, page, SORTABLE, "firstDay", "id", this::view);
    }

    private Optional<CommunityEvent> find(UUID id) {
        return Optional.ofNullable(em.find(CommunityEvent.class, id));
    }

    private static void require(CommunityEvent event, String action, String... statuses) {
        if (!List.of(statuses).contains(event.status)) {
            throw ProblemException.conflict("event-" + event.status.toLowerCase(),
                    "An event that is " + event.status.toLowerCase() + " cannot be " + action + ".",
                    Map.of("eventStatus", event.status));
        }
    }

    private void apply(CommunityEvent event, EventRequest r) {
        event.title = r.title().strip();
        event.type = vocabulary.eventType("type", r.type());
        event.mode = r.mode();
        event.venue = r.venue();
        event.area = areas.require("area", r.area());
        event.priority = r.priority();
        event.audience = Vocabulary.require("audience", r.audience(), Vocabulary.AUDIENCES);
        event.fundingNote = r.fundingNote();
        event.plannedAttendance = r.plannedAttendance();
        setDays(event, r.dates());
        event.partners.clear();
        organisations.requirePartners("partners", r.partners())
                .forEach(partner -> event.partners.add(new PartnerLink(partner.organisationId(), partner.role())));
        event.updatedAt = Instant.now();
    }

    private static void setDays(CommunityEvent event, List<LocalDate> dates) {
        event.days.clear();
        event.days.addAll(new TreeSet<>(dates));
        event.firstDay = event.days.first();
        event.lastDay = event.days.last();
    }

    private void record(CommunityEvent event, String kind, String reason, String recordedBy) {
        AttendanceRecord record = new AttendanceRecord();
        record.id = UUID.randomUUID();
        record.eventId = event.id;
        record.kind = kind;
        record.attendance = event.attendance;
        record.countedBy = event.attendanceCountedBy;
        record.reason = reason;
        record.recordedBy = recordedBy;
        record.recordedAt = Instant.now();
        em.persist(record);
    }

    private void recordStatus(CommunityEvent event, String reason) {
        EventStatusRecord record = new EventStatusRecord();
        record.id = UUID.randomUUID();
        record.eventId = event.id;
        record.status = event.status;
        record.reason = reason.strip();
        record.recordedBy = user.name();
        record.recordedAt = Instant.now();
        em.persist(record);
    }

    private void publish(CommunityEvent event, String type, Integer previousAttendance) {
        outbox.record(EngagementEventTypes.AGGREGATE_EVENT, event.id, type,
                new CommunityEventChanged(snapshot(event), previousAttendance));
    }

    private CommunityEventSnapshot snapshot(CommunityEvent e) {
        List<String> partnerTypes = organisations.typesOf(e.partners.stream().map(p -> p.organisationId).toList());
        return new CommunityEventSnapshot(e.id, e.title, e.type, e.status, List.copyOf(e.days), e.mode, e.area, e.priority,
                e.audience, e.plannedAttendance, e.attendance, e.attendanceCountedBy, partnerTypes, e.source);
    }

    private EventView view(CommunityEvent e) {
        List<AttendanceEntry> history = em.createQuery(
                "from AttendanceRecord r where r.eventId = :id order by r.recordedAt, r.id", AttendanceRecord.class)
                .setParameter("id", e.id).getResultList().stream()
                .map(r -> new AttendanceEntry(r.kind, r.attendance, r.countedBy, r.reason, r.recordedBy, r.recordedAt)).toList();
        List<StatusEntry> statuses = em.createQuery(
                "from EventStatusRecord r where r.eventId = :id order by r.recordedAt, r.id", EventStatusRecord.class)
                .setParameter("id", e.id).getResultList().stream()
                .map(r -> new StatusEntry(r.status, r.reason, r.recordedBy, r.recordedAt)).toList();
        return new EventView(e.id, e.title, e.type, e.status, List.copyOf(e.days), e.mode, e.venue, e.area, e.priority,
                e.audience, e.partners.stream().map(p -> new PartnerRole(p.organisationId, p.role)).toList(), e.fundingNote,
                e.plannedAttendance, e.attendance, e.attendanceCountedBy, e.outcomes, e.followUpActions, history, statuses, e.source,
                e.version);
    }
}

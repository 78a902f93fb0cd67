package org.preventhub.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.CommunicationPublished;
import org.preventhub.contracts.engagement.CommunityEventChanged;
import org.preventhub.contracts.engagement.CommunityEventSnapshot;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.GovernanceActionArising;
import org.preventhub.contracts.engagement.GovernanceDocumentChanged;
import org.preventhub.contracts.engagement.GovernanceMeetingHeld;
import org.preventhub.contracts.engagement.FundingAwarded;
import org.preventhub.contracts.engagement.ImprovementActionRaised;
import org.preventhub.contracts.engagement.ProjectChanged;
import org.preventhub.contracts.engagement.SelfAssessmentScored;
import org.preventhub.contracts.engagement.OrganisationRegistered;
import org.preventhub.contracts.engagement.OrganisationUpdated;
import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.contracts.referral.ReferralSnapshot;
import org.preventhub.contracts.referral.ReferralStageChanged;
import org.preventhub.contracts.training.AttendanceCorrected;
import org.preventhub.contracts.training.AttendanceErased;
import org.preventhub.contracts.training.AttendanceRecorded;
import org.preventhub.contracts.training.AttendanceSnapshot;
import org.preventhub.contracts.training.BookingCancelled;
import org.preventhub.contracts.training.BookingConfirmed;
import org.preventhub.contracts.training.BookingPromoted;
import org.preventhub.contracts.training.BookingSnapshot;
import org.preventhub.contracts.training.BookingWaitlisted;
import org.preventhub.contracts.training.CompletionRecorded;
import org.preventhub.contracts.training.CompletionsRecorded;
import org.preventhub.contracts.training.CourseSnapshot;
import org.preventhub.contracts.training.EvaluationSubmitted;
import org.preventhub.contracts.training.FeedBatchApplied;
import org.preventhub.contracts.training.SessionCancelled;
import org.preventhub.contracts.training.SessionDelivered;
import org.preventhub.contracts.training.SessionRescheduled;
import org.preventhub.contracts.training.SessionScheduled;
import org.preventhub.contracts.training.SessionSnapshot;
import org.preventhub.contracts.training.SessionUpdated;
import org.preventhub.contracts.training.TrainingEventTypes;
import org.preventhub.platform.reference.ReferenceDataConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The contract between the producers and reporting, one case per event type: each payload is built from its
 * {@code contracts} record, serialised as the outbox serialises it, projected, and every column of its fact row is
 * checked against the record. The types are read from the {@code *EventTypes} constants, so a new type without a
 * mapping in reporting, or without a case here, fails the build.
 */
@QuarkusTest
class EventContractTest {

    /** Each topic and the class whose constants name the types published on it. */
    private static final Map<String, Class<?>> TYPES = Map.of(Topics.TRAINING, TrainingEventTypes.class,
            Topics.REFERRAL, ReferralEventTypes.class, Topics.ENGAGEMENT, EngagementEventTypes.class);

    private static final Instant AT = Instant.parse("2053-03-04T12:00:00Z");

    @Inject
    Projector projector;

    @Inject
    Generations generations;

    @Inject
    AgroalDataSource dataSource;

    /** The application's mapper, configured as the producers' outbox mapper is (Quarkus defaults). */
    @Inject
    ObjectMapper outboxMapper;

    @Inject
    ReferenceDataConfig reference;

    /** What one event should leave in reporting: its payload, and its fact rows (none for an ignored type). */
    record Case(Object payload, String table, String key, List<Map<String, Object>> rows) {
        static Case ignored(Object payload) {
            return new Case(payload, null, null, List.of());
        }
    }

    static List<String> published(Class<?> types) {
        List<String> names = new ArrayList<>();
        for (Field field : types.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().startsWith("AGGREGATE_")) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }

    static Stream<Arguments> publishedTypes() {
        return TYPES.entrySet().stream()
                .flatMap(topic -> published(topic.getValue()).stream().map(type -> Arguments.of(topic.getKey(), type)));
    }

    @Test
    void everyPublishedTypeHasAMappingOnItsTopicAndACaseHere() {
        assertThat(EventMappings.BY_TOPIC.keySet()).containsExactlyInAnyOrderElementsOf(TYPES.keySet());
        TYPES.forEach((topic, types) -> assertThat(EventMappings.BY_TOPIC.get(topic).keySet())
                .as("the mappings of %s", topic).containsExactlyInAnyOrderElementsOf(published(types)));
        assertThat(cases().keySet()).as("the cases of this test")
                .containsExactlyInAnyOrderElementsOf(publishedTypes().map(a -> (String) a.get()[1]).toList());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("publishedTypes")
    void eachPublishedTypeSerialisedFromItsContractRecordIsProjectedIntoItsFacts(String topic, String type) throws Exception {
        Supplier<Case> made = cases().get(type);
        assertThat(made).as("a case for " + type).isNotNull();
        Case expected = made.get();
        EventMapping<?> mapping = EventMappings.BY_TOPIC.get(topic).get(type);
        assertThat(mapping).as("the mapping of " + type + " on " + topic).isNotNull();
        if (mapping.projected()) {
            assertThat(expected.payload()).as("the contract record of " + type).isInstanceOf(mapping.payload());
        }
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 1, UUID.randomUUID().toString(),
                outboxMapper.writeValueAsString(expected.payload()));
        record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", AT.toString().getBytes(StandardCharsets.UTF_8));
        String schema = generations.active();

        Projector.Outcome outcome;
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outcome = projector.apply(c, schema, List.of(record));
            c.commit();
            for (Map<String, Object> row : expected.rows()) {
                rows.add(fact(c, schema, expected.table(), expected.key(), row.get(expected.key())));
            }
        }

        assertThat(outcome.deadLetters()).isEmpty();
        assertThat(outcome.applied()).isEqualTo(1);
        assertThat(outcome.ignored()).as("ignored").isEqualTo(expected.rows().isEmpty() ? 1 : 0);
        assertThat(rows).isEqualTo(expected.rows());
    }

    /** A fact row as JSON values (text, numbers, booleans, lists), without the time of its last event. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fact(Connection c, String schema, String table, String key, Object value)
            throws Exception {
        try (PreparedStatement select = c.prepareStatement("SELECT (to_jsonb(f) - 'last_event_at')::text FROM " + schema
                + "." + table + " f WHERE f." + key + "::text = ?")) {
            select.setString(1, value.toString());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new ObjectMapper().readValue(rs.getString(1), Map.class) : Map.of();
            }
        }
    }

    // --- the cases: every value distinct, so two columns swapped fail too -------------------------------------

    private Map<String, Supplier<Case>> cases() {
        Map<String, Supplier<Case>> cases = new HashMap<>();
        cases.put(TrainingEventTypes.COURSE_REGISTERED, () -> course(course()));
        cases.put(TrainingEventTypes.COURSE_UPDATED, () -> course(course()));
        cases.put(TrainingEventTypes.SESSION_SCHEDULED, () -> session(s -> new SessionScheduled(s)));
        cases.put(TrainingEventTypes.SESSION_RESCHEDULED,
                () -> session(s -> new SessionRescheduled(s, s.startsAt().minusSeconds(86_400), s.endsAt())));
        cases.put(TrainingEventTypes.SESSION_UPDATED, () -> session(s -> new SessionUpdated(s)));
        cases.put(TrainingEventTypes.SESSION_CANCELLED, () -> session(s -> new SessionCancelled(s, AT)));
        cases.put(TrainingEventTypes.SESSION_DELIVERED, () -> session(s -> new SessionDelivered(s, AT, 17, 13, 4, 2)));
        cases.put(TrainingEventTypes.BOOKING_CONFIRMED, () -> booking(b -> new BookingConfirmed(b)));
        cases.put(TrainingEventTypes.BOOKING_WAITLISTED, () -> booking(b -> new BookingWaitlisted(b)));
        cases.put(TrainingEventTypes.BOOKING_PROMOTED, () -> booking(b -> new BookingPromoted(b)));
        cases.put(TrainingEventTypes.BOOKING_CANCELLED, () -> booking(b -> new BookingCancelled(b, "ATTENDEE")));
        cases.put(TrainingEventTypes.ATTENDANCE_RECORDED, () -> attendance(a -> new AttendanceRecorded(a)));
        cases.put(TrainingEventTypes.ATTENDANCE_CORRECTED, () -> attendance(a -> new AttendanceCorrected(a, false)));
        cases.put(TrainingEventTypes.ATTENDANCE_ERASED, () -> Case.ignored(
                new AttendanceErased(UUID.randomUUID(), AttendanceErased.SUBJECT_REQUEST)));
        cases.put(TrainingEventTypes.EVALUATION_SUBMITTED, this::evaluation);
        cases.put(TrainingEventTypes.COMPLETION_RECORDED, EventContractTest::completion);
        cases.put(TrainingEventTypes.COMPLETIONS_RECORDED, EventContractTest::completions);
        cases.put(TrainingEventTypes.FEED_BATCH_APPLIED, () -> Case.ignored(
                new FeedBatchApplied(UUID.randomUUID(), "completions", "council", 3, 2, 1)));
        for (String type : published(ReferralEventTypes.class)) {
            cases.put(type, EventContractTest::referral);
        }
        for (String type : List.of(EngagementEventTypes.EVENT_PLANNED, EngagementEventTypes.EVENT_UPDATED,
                EngagementEventTypes.EVENT_HELD, EngagementEventTypes.EVENT_POSTPONED, EngagementEventTypes.EVENT_CANCELLED,
                EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED)) {
            cases.put(type, EventContractTest::communityEvent);
        }
        cases.put(EngagementEventTypes.COMMUNICATION_PUBLISHED, EventContractTest::communication);
        cases.put(EngagementEventTypes.ORGANISATION_REGISTERED, () -> organisation(
                new OrganisationRegistered(UUID.randomUUID(), "Mosque trust", "FAITH_GROUP", "warwick", true)));
        cases.put(EngagementEventTypes.ORGANISATION_UPDATED, () -> {
            OrganisationUpdated o = new OrganisationUpdated(UUID.randomUUID(), "Mosque trust", "FAITH_GROUP", "rugby", false);
            return new Case(o, "organisation_dim", "organisation_id", List.of(row("organisation_id", o.organisationId(),
                    "name", o.name(), "type", o.type(), "area", o.area(), "active", o.active())));
        });
        cases.put(EngagementEventTypes.GOVERNANCE_MEETING_HELD, EventContractTest::meetingHeld);
        cases.put(EngagementEventTypes.GOVERNANCE_ACTION_ARISING, EventContractTest::actionArising);
        for (String type : List.of(EngagementEventTypes.DOCUMENT_REGISTERED, EngagementEventTypes.DOCUMENT_REVIEWED)) {
            cases.put(type, EventContractTest::documentChanged);
        }
        cases.put(EngagementEventTypes.ASSESSMENT_SCORED, EventContractTest::assessmentScored);
        cases.put(EngagementEventTypes.IMPROVEMENT_ACTION_RAISED, EventContractTest::improvementRaised);
        cases.put(EngagementEventTypes.FUNDING_AWARDED, EventContractTest::fundingAwarded);
        cases.put(EngagementEventTypes.PROJECT_CHANGED, EventContractTest::projectChanged);
        return cases;
    }

    private static CourseSnapshot course() {
        return new CourseSnapshot(UUID.randomUUID(), "WRAP-" + UUID.randomUUID().toString().substring(0, 6),
                "Workshop to raise awareness", Priority.AWARENESS_LEARNING, "PROFESSIONALS", 90,
                List.of(DeliveryMode.IN_PERSON, DeliveryMode.ONLINE), true);
    }

    private static Case course(CourseSnapshot c) {
        return new Case(c, "course_dim", "course_id", List.of(row("course_id", c.courseId(), "code", c.code(),
                "title", c.title(), "priority", c.priority())));
    }

    private Case session(java.util.function.Function<SessionSnapshot, Object> payload) {
        SessionSnapshot s = new SessionSnapshot(UUID.randomUUID(), UUID.randomUUID(), "SESSION-COURSE",
                Priority.SAFE_EDUCATION, AT.minusSeconds(3 * 86_400), AT.minusSeconds(3 * 86_400 - 5400),
                DeliveryMode.ONLINE, "stratford", 24, "BESPOKE", "a school", "EDUCATION", "SCHEDULED");
        Object event = payload.apply(s);
        SessionDelivered d = event instanceof SessionDelivered delivered ? delivered : null;
        return new Case(event, "session_fact", "session_id", List.of(row("session_id", s.sessionId(),
                "course_id", s.courseId(), "course_code", s.courseCode(), "priority", s.priority(),
                "starts_on", day(s.startsAt()), "mode", s.mode(), "area", s.area(), "access", s.access(),
                "audience_sector", s.audienceSector(), "capacity", s.capacity(), "status", s.status(),
                "booked", d == null ? null : d.booked(), "attended", d == null ? null : d.attended(),
                "no_shows", d == null ? null : d.noShows(), "walk_ins", d == null ? null : d.walkIns())));
    }

    private Case booking(java.util.function.Function<BookingSnapshot, Object> payload) {
        BookingSnapshot b = new BookingSnapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "BOOKED-COURSE",
                "WAITLISTED", "POLICE", "WEB", 3, AT.minusSeconds(9 * 86_400));
        return new Case(payload.apply(b), "booking_fact", "booking_id", List.of(row("booking_id", b.bookingId(),
                "session_id", b.sessionId(), "course_code", b.courseCode(), "status", b.status(), "sector", b.sector(),
                "channel", b.channel(), "booked_on", day(b.bookedAt()))));
    }

    private Case attendance(java.util.function.Function<AttendanceSnapshot, Object> payload) {
        AttendanceSnapshot a = new AttendanceSnapshot(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "MARKED-COURSE", Priority.SUPPORT, AT.minusSeconds(2 * 86_400), DeliveryMode.IN_PERSON,
                "nuneaton", "HEALTH", true, false, null, "  Nuneaton   Food Bank ");
        return new Case(payload.apply(a), "attendance_fact", "attendance_id", List.of(row("attendance_id",
                a.attendanceId(), "session_id", a.sessionId(), "course_code", a.courseCode(), "priority", a.priority(),
                "attended_on", day(a.sessionStartsAt()), "mode", a.mode(), "area", a.area(), "sector", a.sector(),
                "attended", a.attended(), "walk_in", a.walkIn(), "organisation_id", null,
                "organisation", "Nuneaton Food Bank")));
    }

    private static Case organisation(OrganisationRegistered o) {
        return new Case(o, "organisation_dim", "organisation_id", List.of(row("organisation_id", o.organisationId(),
                "name", o.name(), "type", o.type(), "area", o.area(), "active", o.active())));
    }

    private Case evaluation() {
        EvaluationSubmitted e = new EvaluationSubmitted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "EVALUATED-COURSE", AT.minusSeconds(86_400), DeliveryMode.ONLINE, "bedworth",
                "LOCAL_AUTHORITY", true, 2, 4, 5, "ATTENDEE");
        return new Case(e, "evaluation_fact", "evaluation_id", List.of(row("evaluation_id", e.evaluationId(),
                "session_id", e.sessionId(), "course_code", e.courseCode(), "session_on", day(e.sessionStartsAt()),
                "mode", e.mode(), "area", e.area(), "sector", e.sector(), "understands", e.understandsHowToShareConcern(),
                "confidence_before", e.confidenceBefore(), "confidence_after", e.confidenceAfter(),
                "usefulness", e.usefulness())));
    }

    private static Case completion() {
        CompletionRecorded c = new CompletionRecorded(UUID.randomUUID(), "county-lms", UUID.randomUUID(), "ELEARN-ONE",
                LocalDate.of(2053, 2, 11), DeliveryMode.ONLINE, true, "leamington", "HEALTH", false, UUID.randomUUID());
        return new Case(c, "completion_fact", "record_id", List.of(row("record_id", c.recordId(), "source", c.source(),
                "course_code", c.courseCode(), "completed_on", c.completedOn(), "mode", c.mode(),
                "elearning", c.elearning(), "area", c.area(), "sector", c.sector(), "completed", c.completed())));
    }

    private static Case completions() {
        CompletionsRecorded.Records r = new CompletionsRecorded.Records(List.of(UUID.randomUUID(), UUID.randomUUID()),
                List.of(UUID.randomUUID(), UUID.randomUUID()), List.of("FEED-A", "FEED-B"),
                List.of(LocalDate.of(2053, 1, 5), LocalDate.of(2053, 1, 6)), List.of(DeliveryMode.ONLINE, DeliveryMode.IN_PERSON),
                List.of(true, false), Arrays.asList("kenilworth", null), List.of("EDUCATION", "POLICE"), List.of(false, true));
        CompletionsRecorded event = new CompletionsRecorded(UUID.randomUUID(), "district-lms", 1, r);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            rows.add(row("record_id", r.recordId().get(i), "source", event.source(), "course_code", r.courseCode().get(i),
                    "completed_on", r.completedOn().get(i), "mode", r.mode().get(i), "elearning", r.elearning().get(i),
                    "area", r.area().get(i), "sector", r.sector().get(i), "completed", r.completed().get(i)));
        }
        return new Case(event, "completion_fact", "record_id", rows);
    }

    private static Case referral() {
        ReferralSnapshot r = new ReferralSnapshot(UUID.randomUUID().toString().replace("-", ""), "EXITED",
                LocalDate.of(2052, 1, 2), "PROBATION", List.of("EXTREME_RIGHT_WING", "OTHER"), "18-20", "FEMALE", "southam",
                "URGENT", LocalDate.of(2052, 1, 3), "LISTED_FOR_PANEL", LocalDate.of(2052, 1, 4), "ADOPTED",
                LocalDate.of(2052, 1, 5), "GIVEN", LocalDate.of(2052, 1, 6), LocalDate.of(2052, 7, 7),
                "NO_FURTHER_CONCERNS", 1, LocalDate.of(2053, 7, 7), null, "EXTREME_RIGHT_WING", "15-20");
        return new Case(new ReferralStageChanged(r, "IN_SUPPORT", LocalDate.of(2052, 7, 7)), "referral_fact", "pseudonym",
                List.of(row("pseudonym", r.referralPseudonym(), "stage", r.stage(), "received_on", r.receivedOn(),
                        "referrer_sector", r.referrerSector(), "concern_types", r.concernTypes(), "age_band", r.ageBand(),
                        "gender", r.gender(), "area", r.area(), "urgency", r.urgency(), "screened_on", r.screenedOn(),
                        "screening_outcome", r.screeningOutcome(), "discussed_at_panel_on", r.discussedAtPanelOn(),
                        "panel_outcome", r.panelOutcome(), "consent_on", r.consentOn(), "consent", r.consent(),
                        "support_started_on", r.supportStartedOn(), "exited_on", r.exitedOn(),
                        "exit_outcome", r.exitOutcome(), "reviews_done", r.reviewsDone(),
                        "next_review_due", r.nextReviewDue(), "closed_on", r.closedOn(),
                        "ho_concern_type", r.homeOfficeConcernType(), "ho_age_band", r.homeOfficeAgeBand())));
    }

    private static Case communityEvent() {
        CommunityEventSnapshot e = new CommunityEventSnapshot(UUID.randomUUID(), "Interfaith week", "WORKSHOP", "HELD",
                List.of(LocalDate.of(2053, 2, 3), LocalDate.of(2053, 2, 1), LocalDate.of(2053, 2, 2)),
                DeliveryMode.IN_PERSON, "atherstone", Priority.COMMUNITY_ENGAGEMENT, "FAITH", 60, 45, "HEADCOUNT",
                List.of("FAITH_GROUP", "COUNCIL"), "officer");
        return new Case(new CommunityEventChanged(e, 40), "engagement_event_fact", "event_id", List.of(row(
                "event_id", e.eventId(), "title", e.title(), "type", e.type(), "status", e.status(), "area", e.area(),
                "priority", e.priority(), "audience", e.audience(), "mode", e.mode(),
                "first_on", Collections.min(e.dates()), "last_on", Collections.max(e.dates()), "days", e.dates().size(),
                "attendance", e.attendance(), "partner_types", e.partnerTypes())));
    }

    private static Case meetingHeld() {
        GovernanceMeetingHeld m = new GovernanceMeetingHeld(UUID.randomUUID(), UUID.randomUUID(), "Strategy Group",
                "STRATEGY_GROUP", 4, LocalDate.of(2053, 12, 3), true, 9, 2, 12, 3, 1, List.of("COUNCIL", "POLICE"));
        return new Case(m, "governance_meeting_fact", "meeting_id", List.of(row("meeting_id", m.meetingId(),
                "body_id", m.bodyId(), "body_name", m.bodyName(), "body_kind", m.bodyKind(),
                "meetings_per_year", m.meetingsPerYear(), "held_on", m.heldOn(), "quorate", m.quorate(),
                "members_present", m.membersPresent(), "apologies", m.apologies(), "members", m.members(),
                "decisions", m.decisions(), "actions_arising", m.actionsArising(),
                "organisation_types", m.organisationTypesPresent())));
    }

    private static Case actionArising() {
        GovernanceActionArising a = new GovernanceActionArising(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "REGIONAL_WORKING_GROUP", LocalDate.of(2053, 12, 4), "Review the ToR", Priority.SUPPORT, UUID.randomUUID(),
                "County council", LocalDate.of(2054, 3, 1));
        return new Case(a, "action_arising_fact", "action_id", List.of(row("action_id", a.actionId(),
                "source", "GOVERNANCE_MEETING", "origin_id", a.meetingId(), "body_kind", a.bodyKind(),
                "raised_on", a.raisedOn(), "title", a.title(),
                "description", "Arising from the REGIONAL_WORKING_GROUP meeting of 2053-12-04", "priority", a.priority(),
                "owner_organisation", a.ownerOrganisationName(), "due_on", a.dueOn())));
    }

    private static Case documentChanged() {
        GovernanceDocumentChanged d = new GovernanceDocumentChanged(UUID.randomUUID(), "TERMS_OF_REFERENCE",
                "Strategy Group ToR", UUID.randomUUID(), UUID.randomUUID(), "rugby", "3", "ISSUED", LocalDate.of(2052, 9, 10),
                12, LocalDate.of(2053, 9, 8), LocalDate.of(2054, 9, 8), "OFFICIAL");
        return new Case(d, "document_fact", "document_id", List.of(row("document_id", d.documentId(), "type", d.type(),
                "title", d.title(), "area", d.area(), "status", d.status(), "marking", d.marking(),
                "issued_on", d.issuedOn(), "review_cycle_months", d.reviewCycleMonths(),
                "last_reviewed_on", d.lastReviewedOn(), "next_review_due", d.nextReviewDue())));
    }

    private static Case assessmentScored() {
        SelfAssessmentScored s = new SelfAssessmentScored(UUID.randomUUID(), "HOME_OFFICE_PREVENT_TOOLKIT", 2052,
                LocalDate.of(2053, 7, 14), UUID.randomUUID(), "COUNCIL", List.of(
                        new SelfAssessmentScored.CriterionScore("HO-2", "Leadership", Priority.LEADERSHIP_GOVERNANCE, 3, 4),
                        new SelfAssessmentScored.CriterionScore("HO-5", "Support", Priority.SUPPORT, 1, 5)));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SelfAssessmentScored.CriterionScore c : s.scores()) {
            rows.add(row("score_id", s.assessmentId() + ":" + c.criterionCode(), "assessment_id", s.assessmentId(),
                    "framework", s.framework(), "year", s.year(), "year_starts_on", LocalDate.of(2052, 9, 1),
                    "assessed_on", s.assessedOn(), "organisation_type", s.organisationType(),
                    "criterion_code", c.criterionCode(), "section", c.section(), "priority", c.priority(),
                    "score", c.score(), "max_score", c.maxScore()));
        }
        return new Case(s, "self_assessment_fact", "score_id", rows);
    }

    private static Case improvementRaised() {
        ImprovementActionRaised a = new ImprovementActionRaised(UUID.randomUUID(), UUID.randomUUID(), "TOOLKIT", 2052,
                "HO-5", LocalDate.of(2053, 7, 15), "Respond to the Channel Guidance", Priority.SUPPORT, UUID.randomUUID(),
                "Police", LocalDate.of(2054, 1, 31));
        return new Case(a, "action_arising_fact", "action_id", List.of(row("action_id", a.actionId(),
                "source", "SELF_ASSESSMENT", "origin_id", a.assessmentId(), "body_kind", null, "raised_on", a.raisedOn(),
                "title", a.title(), "description", "From the 2052 self-assessment against TOOLKIT, criterion HO-5",
                "priority", a.priority(), "owner_organisation", a.ownerOrganisationName(), "due_on", a.dueOn())));
    }

    private static Case fundingAwarded() {
        FundingAwarded a = new FundingAwarded(UUID.randomUUID(), UUID.randomUUID(), "Police and Crime Commissioner",
                "FUNDER", new java.math.BigDecimal("7500.25"), LocalDate.of(2052, 10, 1), LocalDate.of(2053, 9, 30),
                Priority.SAFE_EDUCATION, "Game On theatre project", List.of("Game On", "Safe and Secure"));
        return new Case(a, "funding_fact", "award_id", List.of(row("award_id", a.awardId(), "funder_id", a.funderId(),
                "funder_name", a.funderName(), "funder_type", a.funderType(), "priority", a.priority(),
                "amount", a.amount().doubleValue(), "starts_on", a.startsOn(), "ends_on", a.endsOn(),
                "purpose", a.purpose(), "projects", a.projects())));
    }

    private static Case projectChanged() {
        ProjectChanged p = new ProjectChanged(UUID.randomUUID(), "Safe and Secure", "PROJECT", Priority.COMMUNITY_ENGAGEMENT,
                "PAUSED", LocalDate.of(2053, 3, 23), 2, 1);
        return new Case(p, "project_fact", "project_id", List.of(row("project_id", p.projectId(), "name", p.name(),
                "kind", p.kind(), "priority", p.priority(), "status", p.status(), "status_since", p.statusSince(),
                "events", p.events(), "courses", p.courses())));
    }

    private static Case communication() {
        CommunicationPublished.Communication c = new CommunicationPublished.Communication(UUID.randomUUID(),
                "Spring bulletin", "BULLETIN", "PROFESSIONALS", Priority.INTELLIGENCE_COMMUNICATIONS,
                LocalDate.of(2053, 3, 1), 120, 80, 200, true, List.of("POLICE"));
        return new Case(new CommunicationPublished(c), "communication_fact", "communication_id", List.of(row(
                "communication_id", c.communicationId(), "title", c.title(), "channel", c.channel(),
                "audience", c.audience(), "priority", c.priority(), "published_on", c.publishedOn(), "reach", c.reach(),
                "incident_response", c.incidentResponse())));
    }

    private LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone());
    }

    private ZoneId zone() {
        return reference.timezone();
    }

    /** A fact row as its JSON reads: ids, days and codes as text; numbers, booleans and lists as they are. */
    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            Object value = columnsAndValues[i + 1];
            row.put((String) columnsAndValues[i], value == null || value instanceof Number || value instanceof Boolean
                    || value instanceof List ? value : value.toString());
        }
        return row;
    }
}

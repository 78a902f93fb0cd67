package org.preventhub.reporting.projection;

import static java.util.Map.entry;
import static org.preventhub.reporting.projection.EventMapping.date;
import static org.preventhub.reporting.projection.EventMapping.name;
import static org.preventhub.reporting.projection.EventMapping.of;
import static org.preventhub.reporting.projection.EventMapping.required;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.CommunicationPublished;
import org.preventhub.contracts.engagement.CommunityEventChanged;
import org.preventhub.contracts.engagement.CommunityEventSnapshot;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.FundingAwarded;
import org.preventhub.contracts.engagement.GovernanceActionArising;
import org.preventhub.contracts.engagement.GovernanceDocumentChanged;
import org.preventhub.contracts.engagement.GovernanceMeetingHeld;
import org.preventhub.contracts.engagement.ImprovementActionRaised;
import org.preventhub.contracts.engagement.OrganisationRegistered;
import org.preventhub.contracts.engagement.OrganisationUpdated;
import org.preventhub.contracts.engagement.ProjectChanged;
import org.preventhub.contracts.engagement.SelfAssessmentScored;
import org.preventhub.reporting.projection.EventMapping.EventTime;

/** The engagement service's events ({@link Topics#ENGAGEMENT}) as facts: community events and communications. */
final class EngagementFacts {

    static final Fact ENGAGEMENT_EVENT = new Fact("engagement_event_fact", """
            event_id text, title text, type text, status text, area text, priority text, audience text, mode text,
            first_on date, last_on date, days int, attendance int, partner_types text[], last_event_at timestamptz""", """
            ON CONFLICT (event_id) DO UPDATE SET title = excluded.title, type = excluded.type, status = excluded.status,
              area = excluded.area, priority = excluded.priority, audience = excluded.audience, mode = excluded.mode,
              first_on = excluded.first_on, last_on = excluded.last_on, days = excluded.days,
              attendance = excluded.attendance, partner_types = excluded.partner_types,
              last_event_at = excluded.last_event_at WHERE engagement_event_fact.last_event_at <= excluded.last_event_at""");

    static final Fact COMMUNICATION = new Fact("communication_fact", """
            communication_id text, title text, channel text, audience text, priority text, published_on date, reach int,
            incident_response boolean, last_event_at timestamptz""", """
            ON CONFLICT (communication_id) DO UPDATE SET title = excluded.title, channel = excluded.channel,
              audience = excluded.audience, priority = excluded.priority, published_on = excluded.published_on,
              reach = excluded.reach, incident_response = excluded.incident_response,
              last_event_at = excluded.last_event_at WHERE communication_fact.last_event_at <= excluded.last_event_at""");

    /** Partner organisations, so training's reach can be counted by organisation and organisation type. */
    static final Fact ORGANISATION = new Fact("organisation_dim", """
            organisation_id uuid, name text, type text, area text, active boolean, last_event_at timestamptz""", """
            ON CONFLICT (organisation_id) DO UPDATE SET name = excluded.name, type = excluded.type,
              area = excluded.area, active = excluded.active, last_event_at = excluded.last_event_at
            WHERE organisation_dim.last_event_at <= excluded.last_event_at""");

    private static final EventMapping<CommunityEventChanged> EVENT_CHANGED = of(CommunityEventChanged.class,
            EngagementFacts::event);

    private static final EventMapping<GovernanceDocumentChanged> DOCUMENT_CHANGED = of(GovernanceDocumentChanged.class,
            GovernanceEventFacts::document);

    static final Map<String, EventMapping<?>> BY_TYPE = Map.ofEntries(
            entry(EngagementEventTypes.EVENT_PLANNED, EVENT_CHANGED),
            entry(EngagementEventTypes.EVENT_UPDATED, EVENT_CHANGED),
            entry(EngagementEventTypes.EVENT_HELD, EVENT_CHANGED),
            entry(EngagementEventTypes.EVENT_POSTPONED, EVENT_CHANGED),
            entry(EngagementEventTypes.EVENT_CANCELLED, EVENT_CHANGED),
            entry(EngagementEventTypes.EVENT_ATTENDANCE_CORRECTED, EVENT_CHANGED),
            entry(EngagementEventTypes.COMMUNICATION_PUBLISHED, of(CommunicationPublished.class, EngagementFacts::communication)),
            entry(EngagementEventTypes.ORGANISATION_REGISTERED, of(OrganisationRegistered.class,
                    (o, t) -> organisation(o.organisationId(), o.name(), o.type(), o.area(), o.active(), t))),
            entry(EngagementEventTypes.ORGANISATION_UPDATED, of(OrganisationUpdated.class,
                    (o, t) -> organisation(o.organisationId(), o.name(), o.type(), o.area(), o.active(), t))),
            // Priority 2: governance meetings, the document register, and actions arising into the action plan.
            entry(EngagementEventTypes.GOVERNANCE_MEETING_HELD, of(GovernanceMeetingHeld.class, GovernanceEventFacts::meeting)),
            entry(EngagementEventTypes.GOVERNANCE_ACTION_ARISING, of(GovernanceActionArising.class, GovernanceEventFacts::action)),
            entry(EngagementEventTypes.DOCUMENT_REGISTERED, DOCUMENT_CHANGED),
            entry(EngagementEventTypes.DOCUMENT_REVIEWED, DOCUMENT_CHANGED),
            entry(EngagementEventTypes.ASSESSMENT_SCORED, of(SelfAssessmentScored.class, FundingAndAssessmentFacts::scored)),
            entry(EngagementEventTypes.IMPROVEMENT_ACTION_RAISED,
                    of(ImprovementActionRaised.class, FundingAndAssessmentFacts::improvement)),
            entry(EngagementEventTypes.FUNDING_AWARDED, of(FundingAwarded.class, FundingAndAssessmentFacts::award)),
            entry(EngagementEventTypes.PROJECT_CHANGED, of(ProjectChanged.class, FundingAndAssessmentFacts::project)));

    private EngagementFacts() {
    }

    private static List<Fact.Row> organisation(java.util.UUID id, String name, String type, String area, boolean active,
            EventTime t) {
        return List.of(ORGANISATION.row(required(id, "organisationId"), name, type, area, active, t.at()));
    }

    private static List<Fact.Row> communication(CommunicationPublished published, EventTime t) {
        CommunicationPublished.Communication c = required(published.communication(), "communication");
        return List.of(COMMUNICATION.row(required(c.communicationId(), "communicationId").toString(), c.title(),
                c.channel(), c.audience(), name(c.priority()), date(c.publishedOn()), c.reach(), c.incidentResponse(),
                t.at()));
    }

    private static List<Fact.Row> event(CommunityEventChanged changed, EventTime t) {
        CommunityEventSnapshot e = required(changed.event(), "event");
        List<LocalDate> dates = e.dates() == null ? List.of()
                : e.dates().stream().filter(Objects::nonNull).sorted().toList();
        String[] partnerTypes = e.partnerTypes() == null ? new String[0]
                : e.partnerTypes().stream().filter(Objects::nonNull).toArray(String[]::new);
        return List.of(ENGAGEMENT_EVENT.row(required(e.eventId(), "eventId").toString(), e.title(), e.type(),
                e.status(), e.area(), name(e.priority()), e.audience(), name(e.mode()),
                dates.isEmpty() ? null : date(dates.get(0)), dates.isEmpty() ? null : date(dates.get(dates.size() - 1)),
                dates.size(), e.attendance(), partnerTypes, t.at()));
    }
}

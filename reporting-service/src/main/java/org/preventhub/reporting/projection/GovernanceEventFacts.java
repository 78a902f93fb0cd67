package org.preventhub.reporting.projection;

import static org.preventhub.reporting.projection.EventMapping.date;
import static org.preventhub.reporting.projection.EventMapping.name;
import static org.preventhub.reporting.projection.EventMapping.required;

import java.util.List;
import java.util.Objects;

import org.preventhub.contracts.engagement.GovernanceActionArising;
import org.preventhub.contracts.engagement.GovernanceDocumentChanged;
import org.preventhub.contracts.engagement.GovernanceMeetingHeld;
import org.preventhub.reporting.projection.EventMapping.EventTime;

/**
 * Engagement's governance events as facts (priority 2): meetings minuted, the document register, actions arising.
 * Planned meetings, reviews and the action plan's entries are derived in the database (migration
 * V2026_12_09_50): a view of each body's cadence, a trigger per review, a trigger adding each action to the plan.
 */
final class GovernanceEventFacts {

    /** Where an action came from: its {@code source} column, and the action plan's history "by". */
    static final String FROM_MEETING = "GOVERNANCE_MEETING";

    static final Fact MEETING = new Fact("governance_meeting_fact", """
            meeting_id text, body_id text, body_name text, body_kind text, meetings_per_year int, held_on date,
            quorate boolean, members_present int, apologies int, members int, decisions int, actions_arising int,
            organisation_types text[], last_event_at timestamptz""", """
            ON CONFLICT (meeting_id) DO UPDATE SET body_id = excluded.body_id, body_name = excluded.body_name,
              body_kind = excluded.body_kind, meetings_per_year = excluded.meetings_per_year, held_on = excluded.held_on,
              quorate = excluded.quorate, members_present = excluded.members_present, apologies = excluded.apologies,
              members = excluded.members, decisions = excluded.decisions, actions_arising = excluded.actions_arising,
              organisation_types = excluded.organisation_types, last_event_at = excluded.last_event_at
            WHERE governance_meeting_fact.last_event_at <= excluded.last_event_at""");

    static final Fact DOCUMENT = new Fact("document_fact", """
            document_id text, type text, title text, area text, status text, marking text, issued_on date,
            review_cycle_months int, last_reviewed_on date, next_review_due date, last_event_at timestamptz""", """
            ON CONFLICT (document_id) DO UPDATE SET type = excluded.type, title = excluded.title, area = excluded.area,
              status = excluded.status, marking = excluded.marking, issued_on = excluded.issued_on,
              review_cycle_months = excluded.review_cycle_months, last_reviewed_on = excluded.last_reviewed_on,
              next_review_due = excluded.next_review_due, last_event_at = excluded.last_event_at
            WHERE document_fact.last_event_at <= excluded.last_event_at""");

    /** Added to the action plan once, by id: what the lead records on it afterwards is theirs (see the trigger). */
    static final Fact ACTION = new Fact("action_arising_fact", """
            action_id text, source text, origin_id text, body_kind text, raised_on date, title text, description text,
            priority text, owner_organisation text, due_on date, last_event_at timestamptz""", """
            ON CONFLICT (action_id) DO UPDATE SET source = excluded.source, origin_id = excluded.origin_id,
              body_kind = excluded.body_kind, raised_on = excluded.raised_on, title = excluded.title,
              description = excluded.description, priority = excluded.priority,
              owner_organisation = excluded.owner_organisation, due_on = excluded.due_on,
              last_event_at = excluded.last_event_at
            WHERE action_arising_fact.last_event_at <= excluded.last_event_at""");

    private GovernanceEventFacts() {
    }

    static List<Fact.Row> meeting(GovernanceMeetingHeld m, EventTime t) {
        String[] types = m.organisationTypesPresent() == null ? new String[0]
                : m.organisationTypesPresent().stream().filter(Objects::nonNull).toArray(String[]::new);
        return List.of(MEETING.row(required(m.meetingId(), "meetingId").toString(), required(m.bodyId(), "bodyId").toString(),
                m.bodyName(), m.bodyKind(), positive(m.meetingsPerYear(), "meetingsPerYear"),
                date(required(m.heldOn(), "heldOn")), m.quorate(), m.membersPresent(), m.apologies(), m.members(),
                m.decisions(), m.actionsArising(), types, t.at()));
    }

    static List<Fact.Row> document(GovernanceDocumentChanged d, EventTime t) {
        return List.of(DOCUMENT.row(required(d.documentId(), "documentId").toString(), d.type(), d.title(), d.area(),
                d.status(), d.marking(), date(d.issuedOn()), d.reviewCycleMonths(), date(d.lastReviewedOn()),
                date(d.nextReviewDue()), t.at()));
    }

    static List<Fact.Row> action(GovernanceActionArising a, EventTime t) {
        String description = "Arising from the " + (a.bodyKind() == null ? "governance" : a.bodyKind()) + " meeting"
                + (a.raisedOn() == null ? "" : " of " + a.raisedOn());
        return List.of(ACTION.row(required(a.actionId(), "actionId").toString(), FROM_MEETING,
                a.meetingId() == null ? null : a.meetingId().toString(), a.bodyKind(), date(a.raisedOn()),
                required(a.title(), "title"), description, name(required(a.priority(), "priority")),
                a.ownerOrganisationName(), date(a.dueOn()), t.at()));
    }

    /** A cadence of zero would plan no meetings and divide by zero in the view. */
    private static int positive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1");
        }
        return value;
    }
}

package org.preventhub.reporting.projection;

import static org.preventhub.reporting.projection.EventMapping.date;
import static org.preventhub.reporting.projection.EventMapping.name;
import static org.preventhub.reporting.projection.EventMapping.required;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.preventhub.contracts.engagement.FundingAwarded;
import org.preventhub.contracts.engagement.ImprovementActionRaised;
import org.preventhub.contracts.engagement.ProjectChanged;
import org.preventhub.contracts.engagement.SelfAssessmentScored;
import org.preventhub.reporting.projection.EventMapping.EventTime;

/** Engagement's self-assessment and funding events as facts (priority 2). */
final class FundingAndAssessmentFacts {

    static final String FROM_SELF_ASSESSMENT = "SELF_ASSESSMENT";

    static final Fact SCORE = new Fact("self_assessment_fact", """
            score_id text, assessment_id text, framework text, year int, year_starts_on date, assessed_on date,
            organisation_type text, criterion_code text, section text, priority text, score int, max_score int,
            last_event_at timestamptz""", """
            ON CONFLICT (score_id) DO UPDATE SET framework = excluded.framework, year = excluded.year,
              year_starts_on = excluded.year_starts_on, assessed_on = excluded.assessed_on,
              organisation_type = excluded.organisation_type, section = excluded.section, priority = excluded.priority,
              score = excluded.score, max_score = excluded.max_score, last_event_at = excluded.last_event_at
            WHERE self_assessment_fact.last_event_at <= excluded.last_event_at""");

    static final Fact AWARD = new Fact("funding_fact", """
            award_id text, funder_id text, funder_name text, funder_type text, priority text, amount numeric,
            starts_on date, ends_on date, purpose text, projects text[], last_event_at timestamptz""", """
            ON CONFLICT (award_id) DO UPDATE SET funder_id = excluded.funder_id, funder_name = excluded.funder_name,
              funder_type = excluded.funder_type, priority = excluded.priority, amount = excluded.amount,
              starts_on = excluded.starts_on, ends_on = excluded.ends_on, purpose = excluded.purpose,
              projects = excluded.projects, last_event_at = excluded.last_event_at
            WHERE funding_fact.last_event_at <= excluded.last_event_at""");

    static final Fact PROJECT = new Fact("project_fact", """
            project_id text, name text, kind text, priority text, status text, status_since date, events int, courses int,
            last_event_at timestamptz""", """
            ON CONFLICT (project_id) DO UPDATE SET name = excluded.name, kind = excluded.kind, priority = excluded.priority,
              status = excluded.status, status_since = excluded.status_since, events = excluded.events,
              courses = excluded.courses, last_event_at = excluded.last_event_at
            WHERE project_fact.last_event_at <= excluded.last_event_at""");

    private FundingAndAssessmentFacts() {
    }

    /** One row per criterion scored, so a score by section or priority is a breakdown. */
    static List<Fact.Row> scored(SelfAssessmentScored s, EventTime t) {
        String id = required(s.assessmentId(), "assessmentId").toString();
        List<Fact.Row> rows = new ArrayList<>();
        for (SelfAssessmentScored.CriterionScore c : s.scores() == null ? List.<SelfAssessmentScored.CriterionScore>of() : s.scores()) {
            if (c == null) {
                continue;
            }
            String code = required(c.criterionCode(), "scores.criterionCode");
            rows.add(SCORE.row(id + ":" + code, id, s.framework(), s.year(), date(LocalDate.of(s.year(), 9, 1)),
                    date(s.assessedOn()), s.organisationType(), code, c.section(), name(c.priority()), c.score(),
                    c.maxScore(), t.at()));
        }
        return rows;
    }

    static List<Fact.Row> improvement(ImprovementActionRaised a, EventTime t) {
        String description = "From the " + a.year() + " self-assessment against " + a.framework()
                + (a.criterionCode() == null ? "" : ", criterion " + a.criterionCode());
        return List.of(GovernanceEventFacts.ACTION.row(required(a.actionId(), "actionId").toString(), FROM_SELF_ASSESSMENT,
                a.assessmentId() == null ? null : a.assessmentId().toString(), null, date(a.raisedOn()),
                required(a.title(), "title"), description, name(required(a.priority(), "priority")),
                a.ownerOrganisationName(), date(a.dueOn()), t.at()));
    }

    static List<Fact.Row> award(FundingAwarded a, EventTime t) {
        String[] projects = a.projects() == null ? new String[0] : a.projects().stream().filter(Objects::nonNull).toArray(String[]::new);
        return List.of(AWARD.row(required(a.awardId(), "awardId").toString(), a.funderId() == null ? null : a.funderId().toString(),
                a.funderName(), a.funderType(), name(a.priority()), required(a.amount(), "amount"),
                date(required(a.startsOn(), "startsOn")), date(a.endsOn()), a.purpose(), projects, t.at()));
    }

    static List<Fact.Row> project(ProjectChanged p, EventTime t) {
        return List.of(PROJECT.row(required(p.projectId(), "projectId").toString(), p.name(), p.kind(), name(p.priority()),
                p.status(), date(p.statusSince()), p.events(), p.courses(), t.at()));
    }
}

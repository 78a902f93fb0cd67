package org.preventhub.reporting.indicator;

import java.util.Map;
import java.util.Set;

import org.preventhub.platform.problem.ProblemException;

/**
 * What an indicator may be defined over: each fact, where it lives (the active projection or the service's own
 * tables), the columns a filter may use, and the breakdowns it offers (name to SQL expression). Definitions are
 * data, but they can only name what is listed here, so they never become arbitrary SQL.
 */
public final class Facts {

    public static final String UNNEST_CONCERNS = "unnest(concern_types)";

    /**
     * @param aboutPeopleReferred every indicator over this fact counts people referred, so its small numbers are
     *            suppressed for all but the Prevent lead, whatever its definition says
     */
    public record Fact(String name, boolean projected, Set<String> columns, Map<String, String> breakdowns,
            Set<String> sums, boolean aboutPeopleReferred) {

        Fact(String name, boolean projected, Set<String> columns, Map<String, String> breakdowns, Set<String> sums) {
            this(name, projected, columns, breakdowns, sums, false);
        }

        public String breakdown(String name) {
            String expression = breakdowns.get(name);
            if (expression == null) {
                throw ProblemException.invalidField("by", "this indicator breaks down by " + String.join(", ", breakdowns.keySet()));
            }
            return expression;
        }
    }

    private static final Map<String, Fact> FACTS = GovernanceFacts.with(Map.of(
            "session_fact", new Fact("session_fact", true,
                    Set.of("status", "mode", "area", "course_code", "priority", "access", "audience_sector", "starts_on"),
                    Map.of("course", "course_code", "mode", "mode", "area", "area", "audience_sector", "audience_sector"),
                    Set.of("attended", "capacity")),
            "people_trained", new Fact("people_trained", true,
                    Set.of("on_date", "course_code", "mode", "area", "sector", "source", "organisation", "organisation_type"),
                    // organisation: the partner organisation's name, or the organisation as the attendee wrote it.
                    Map.of("course", "course_code", "mode", "mode", "area", "area", "sector", "sector", "source", "source",
                            "organisation", "organisation", "organisation_type", "organisation_type"),
                    Set.of()),
            "evaluation_fact", new Fact("evaluation_fact", true,
                    Set.of("understands", "course_code", "mode", "area", "sector", "session_on"),
                    Map.of("course", "course_code", "mode", "mode", "area", "area", "sector", "sector"),
                    Set.of("confidence_before", "confidence_after", "usefulness")),
            "booking_fact", new Fact("booking_fact", true, Set.of("status", "sector", "channel", "course_code", "booked_on"),
                    Map.of("course", "course_code", "sector", "sector", "channel", "channel"), Set.of()),
            "engagement_event_fact", new Fact("engagement_event_fact", true,
                    Set.of("status", "type", "area", "priority", "audience", "mode", "first_on"),
                    Map.of("type", "type", "area", "area", "priority", "priority", "audience", "audience", "mode", "mode"),
                    Set.of("attendance", "days")),
            "communication_fact", new Fact("communication_fact", true,
                    Set.of("channel", "audience", "priority", "published_on", "incident_response"),
                    Map.of("channel", "channel", "audience", "audience", "priority", "priority"), Set.of("reach")),
            // concern_type is the first concern a referral names, the one the referrer raised: a referral counts once,
            // as in the Home Office's tables; any_concern_type counts it under each concern it names.
            "referral_fact", new Fact("referral_fact", true,
                    Set.of("stage", "received_on", "referrer_sector", "age_band", "gender", "area", "urgency",
                            "screening_outcome", "panel_outcome", "consent", "exit_outcome", "screened_on",
                            "discussed_at_panel_on", "exited_on", "next_review_due", "reviews_done", "ho_concern_type",
                            "ho_age_band"),
                    Map.of("concern_type", "concern_types[1]", "any_concern_type", UNNEST_CONCERNS,
                            "referrer_sector", "referrer_sector", "age_band", "age_band", "gender", "gender", "area", "area",
                            "exit_outcome", "exit_outcome", "ho_concern_type", "ho_concern_type", "ho_age_band", "ho_age_band"),
                    Set.of(), true),
            "action_fact", new Fact("action_fact", false, Set.of("priority", "status", "rag", "on_track", "due_on"),
                    Map.of("priority", "priority", "rag", "rag", "status", "status"), Set.of())));

    private Facts() {
    }

    public static Fact of(String name) {
        Fact fact = FACTS.get(name);
        if (fact == null) {
            throw ProblemException.invalidField("fact", "one of " + String.join(", ", FACTS.keySet()));
        }
        return fact;
    }

    public static Set<String> names() {
        return FACTS.keySet();
    }
}

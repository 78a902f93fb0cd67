package org.preventhub.reporting.indicator;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.preventhub.reporting.indicator.Facts.Fact;

/**
 * The facts of priority 2 (leadership, governance and accountability), kept apart from {@link Facts} so its
 * catalogue stays one list per area: governance meetings held against planned, document reviews, actions arising,
 * self-assessment scores and funding awarded.
 */
final class GovernanceFacts {

    static final Map<String, Fact> FACTS = Map.of(
            "governance_meeting_record", new Fact("governance_meeting_record", true,
                    Set.of("on_date", "kind", "quorate", "body_kind", "body_name"),
                    Map.of("body", "body_name", "body_kind", "body_kind"), Set.of()),
            "document_review_record", new Fact("document_review_record", true,
                    Set.of("due_on", "reviewed_on", "on_time", "type", "area"),
                    Map.of("type", "type", "area", "area"), Set.of()),
            "document_fact", new Fact("document_fact", true,
                    Set.of("type", "area", "status", "marking", "issued_on", "last_reviewed_on", "next_review_due"),
                    Map.of("type", "type", "area", "area", "status", "status"), Set.of()),
            "action_arising_fact", new Fact("action_arising_fact", true,
                    Set.of("source", "body_kind", "raised_on", "priority", "due_on"),
                    Map.of("priority", "priority", "body_kind", "body_kind", "source", "source"), Set.of()),
            "self_assessment_fact", new Fact("self_assessment_fact", true,
                    Set.of("year_starts_on", "framework", "organisation_type", "section", "priority", "criterion_code"),
                    Map.of("section", "section", "framework", "framework", "organisation_type", "organisation_type",
                            "priority", "priority"), Set.of("score", "max_score")),
            "funding_fact", new Fact("funding_fact", true, Set.of("starts_on", "ends_on", "funder_type", "funder_name", "priority"),
                    Map.of("funder", "funder_name", "funder_type", "funder_type", "priority", "priority"), Set.of("amount")),
            "project_fact", new Fact("project_fact", true, Set.of("status", "priority", "kind", "status_since"),
                    Map.of("status", "status", "priority", "priority", "kind", "kind"), Set.of()));

    private GovernanceFacts() {
    }

    static Map<String, Fact> with(Map<String, Fact> others) {
        Map<String, Fact> all = new HashMap<>(others);
        FACTS.forEach((name, fact) -> {
            if (all.put(name, fact) != null) {
                throw new IllegalStateException(name + " is defined twice");
            }
        });
        return Map.copyOf(all);
    }
}

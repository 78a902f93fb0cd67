package org.preventhub.contracts.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.Priority;

/**
 * Payload of {@code engagement.assessment.scored.v1}: a yearly self-assessment against a framework's criteria (the
 * Home Office Prevent toolkit), its whole set of scores each time; upsert by {@code assessmentId} and criterion.
 *
 * @param year the reporting year it assesses, by the year it starts (2019 for September 2019 – August 2020)
 * @param organisationType the type of the partner organisation that assessed itself
 */
public record SelfAssessmentScored(UUID assessmentId, String framework, int year, LocalDate assessedOn,
        UUID organisationId, String organisationType, List<CriterionScore> scores) {

    /** One criterion's score; evidence stays in engagement (it is prose). */
    public record CriterionScore(String criterionCode, String section, Priority priority, int score, int maxScore) {
    }
}

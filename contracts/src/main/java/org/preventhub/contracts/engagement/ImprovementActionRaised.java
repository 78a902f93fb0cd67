package org.preventhub.contracts.engagement;

import java.time.LocalDate;
import java.util.UUID;

import org.preventhub.contracts.Priority;

/**
 * Payload of {@code engagement.assessment.improvement-action-raised.v1}: an improvement a self-assessment calls for,
 * for reporting to add to the action plan as a recommended action (once, by {@code actionId}).
 */
public record ImprovementActionRaised(UUID actionId, UUID assessmentId, String framework, int year, String criterionCode,
        LocalDate raisedOn, String title, Priority priority, UUID ownerOrganisationId, String ownerOrganisationName,
        LocalDate dueOn) {
}

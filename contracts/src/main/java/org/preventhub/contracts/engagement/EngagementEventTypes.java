package org.preventhub.contracts.engagement;

/**
 * CloudEvent types published on {@link org.preventhub.contracts.Topics#ENGAGEMENT}. Each carries the whole
 * snapshot, so a consumer upserts by aggregate id.
 */
public final class EngagementEventTypes {
    public static final String AGGREGATE_EVENT = "community-event";
    public static final String AGGREGATE_COMMUNICATION = "communication";
    public static final String AGGREGATE_ORGANISATION = "organisation";
    public static final String AGGREGATE_GOVERNANCE_MEETING = "governance-meeting";
    public static final String AGGREGATE_GOVERNANCE_ACTION = "governance-action";
    public static final String AGGREGATE_DOCUMENT = "governance-document";
    public static final String AGGREGATE_ASSESSMENT = "self-assessment";
    public static final String AGGREGATE_IMPROVEMENT_ACTION = "improvement-action";
    public static final String AGGREGATE_AWARD = "funding-award";
    public static final String AGGREGATE_PROJECT = "funded-project";

    public static final String EVENT_PLANNED = "engagement.event.planned.v1";
    public static final String EVENT_UPDATED = "engagement.event.updated.v1";
    public static final String EVENT_HELD = "engagement.event.held.v1";
    public static final String EVENT_POSTPONED = "engagement.event.postponed.v1";
    public static final String EVENT_CANCELLED = "engagement.event.cancelled.v1";
    public static final String EVENT_ATTENDANCE_CORRECTED = "engagement.event.attendance-corrected.v1";
    public static final String COMMUNICATION_PUBLISHED = "engagement.communication.published.v1";
    public static final String ORGANISATION_REGISTERED = "engagement.organisation.registered.v1";
    /** An organisation's name, type, area or active flag changed; payload {@link OrganisationUpdated}. */
    public static final String ORGANISATION_UPDATED = "engagement.organisation.updated.v1";

    /** A governance body's meeting was minuted; payload {@link GovernanceMeetingHeld}. */
    public static final String GOVERNANCE_MEETING_HELD = "engagement.governance.meeting-held.v1";
    /**
     * An action arising from a governance meeting, to become a recommended action in the action plan; payload
     * {@link GovernanceActionArising}, keyed by the action's id.
     */
    public static final String GOVERNANCE_ACTION_ARISING = "engagement.governance.action-arising.v1";
    /** A document entered the register or changed (issued, new version, status); payload {@link GovernanceDocumentChanged}. */
    public static final String DOCUMENT_REGISTERED = "engagement.document.registered.v1";
    /** A document was reviewed, moving its next review date; payload {@link GovernanceDocumentChanged}. */
    public static final String DOCUMENT_REVIEWED = "engagement.document.reviewed.v1";

    /** A self-assessment was scored (all its scores); payload {@link SelfAssessmentScored}. */
    public static final String ASSESSMENT_SCORED = "engagement.assessment.scored.v1";
    /** An improvement action a self-assessment calls for, for the action plan; payload {@link ImprovementActionRaised}. */
    public static final String IMPROVEMENT_ACTION_RAISED = "engagement.assessment.improvement-action-raised.v1";
    /** A funding award was recorded or changed; payload {@link FundingAwarded}. */
    public static final String FUNDING_AWARDED = "engagement.funding.award-recorded.v1";
    /** A funded project or programme was set up or changed status; payload {@link ProjectChanged}. */
    public static final String PROJECT_CHANGED = "engagement.funding.project-changed.v1";

    private EngagementEventTypes() {
    }
}

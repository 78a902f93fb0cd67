package org.preventhub.contracts.engagement;

import java.time.LocalDate;
import java.util.UUID;

import org.preventhub.contracts.Priority;

/**
 * Payload of {@code engagement.governance.action-arising.v1}: an action a governance meeting agreed, for reporting to
 * add to the action plan as a recommended action (upsert by {@code actionId}).
 *
 * @param ownerOrganisationId the partner organisation that owns it, if one was named
 */
public record GovernanceActionArising(UUID actionId, UUID meetingId, UUID bodyId, String bodyKind, LocalDate raisedOn,
        String title, Priority priority, UUID ownerOrganisationId, String ownerOrganisationName, LocalDate dueOn) {
}

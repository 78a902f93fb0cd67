package org.preventhub.contracts.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code engagement.governance.meeting-held.v1}: a governance body's meeting, minuted. Counts, not names:
 * members are people, and reporting needs only whether the body met, was quorate and who was represented.
 *
 * @param meetingsPerYear the body's planned cadence, so "held against planned" needs no other source
 * @param organisationTypesPresent the types of the organisations whose members attended, first named first
 */
public record GovernanceMeetingHeld(UUID meetingId, UUID bodyId, String bodyName, String bodyKind, int meetingsPerYear,
        LocalDate heldOn, boolean quorate, int membersPresent, int apologies, int members, int decisions,
        int actionsArising, List<String> organisationTypesPresent) {
}

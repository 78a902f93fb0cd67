package org.preventhub.reporting.support;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.Priority;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.engagement.EngagementEventTypes;
import org.preventhub.contracts.engagement.GovernanceActionArising;
import org.preventhub.contracts.engagement.GovernanceDocumentChanged;
import org.preventhub.contracts.engagement.GovernanceMeetingHeld;
import org.preventhub.testing.CloudEventProducer;

/** Priority 2's events as engagement publishes them: meetings minuted, documents registered and reviewed, actions. */
public final class GovernanceFixture {

    private GovernanceFixture() {
    }

    /** A quarterly body's meeting minuted on {@code day}; returns the meeting's id. */
    public static UUID meeting(UUID body, String name, LocalDate day, boolean quorate) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.GOVERNANCE_MEETING_HELD, id.toString(),
                new GovernanceMeetingHeld(id, body, name, "STRATEGY_GROUP", 4, day, quorate, quorate ? 8 : 3, 2, 12,
                        quorate ? 2 : 0, 0, List.of("COUNCIL", "POLICE")));
        return id;
    }

    public static UUID action(String title, LocalDate raisedOn, String owner, LocalDate dueOn) {
        UUID id = UUID.randomUUID();
        CloudEventProducer.publish(Topics.ENGAGEMENT, EngagementEventTypes.GOVERNANCE_ACTION_ARISING, id.toString(),
                new GovernanceActionArising(id, UUID.randomUUID(), UUID.randomUUID(), "STRATEGY_GROUP", raisedOn, title,
                        Priority.LEADERSHIP_GOVERNANCE, UUID.randomUUID(), owner, dueOn));
        return id;
    }

    /** A document's snapshot as the register publishes it: its next review a cycle after its last review or issue. */
    public static void document(String eventType, UUID id, String type, LocalDate issuedOn, LocalDate reviewedOn) {
        LocalDate from = reviewedOn != null ? reviewedOn : issuedOn;
        CloudEventProducer.publish(Topics.ENGAGEMENT, eventType, id.toString(), new GovernanceDocumentChanged(id, type,
                "Document " + type, UUID.randomUUID(), null, null, "1", "ISSUED", issuedOn, 12, reviewedOn,
                from.plusMonths(12), "OFFICIAL"));
    }
}

package org.preventhub.contracts.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.preventhub.contracts.Priority;

/**
 * Payload of {@code engagement.communication.published.v1} (sent again, with the same id, when corrected).
 *
 * @param channel NEWSLETTER, SCHOOLS_NEWSLETTER, BULLETIN, SOCIAL_POST, WEB_UPDATE or PRESS_RESPONSE
 * @param reach recipients plus views, where known
 * @param partnerTypes the types of the organisations it was issued with (organiser, partner or funder), e.g.
 *            COUNCIL; empty when none, null in events published before partners were recorded
 */
public record CommunicationPublished(Communication communication) {

    public record Communication(UUID communicationId, String title, String channel, String audience, Priority priority,
            LocalDate publishedOn, Integer recipients, Integer views, Integer reach, boolean incidentResponse,
            List<String> partnerTypes) {

        /** The shape before partner types were added, kept so existing callers compile. */
        public Communication(UUID communicationId, String title, String channel, String audience, Priority priority,
                LocalDate publishedOn, Integer recipients, Integer views, Integer reach, boolean incidentResponse) {
            this(communicationId, title, channel, audience, priority, publishedOn, recipients, views, reach,
                    incidentResponse, null);
        }
    }
}

package org.preventhub.training.attendance;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A delivered session's final counts.")
public record DeliveryResponse(UUID sessionId, Instant deliveredAt, int booked, int attended, int noShows, int walkIns,
        @Schema(description = "Booked attendees with no mark, recorded as no-shows on delivery.") int markedNoShowOnDelivery) {
}

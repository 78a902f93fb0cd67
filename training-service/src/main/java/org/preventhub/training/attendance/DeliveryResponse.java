package org.preventhub.training.attendance;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A delivered session's final counts.")
public record DeliveryResponse(UUID sessionId, Instant deliveredAt, int booked, int attended, int noShows, int walkIns,
        @Schema(description = "Booked attendees with no mark, recorded as no-shows on delivery.", example = "1") int markedNoShowOnDelivery,
        @Schema(description = "Places on the waiting list closed on delivery (each booking is cancelled, reason "
                + "WAITING_LIST_CLOSED).", example = "2") int waitingListClosed) {
}

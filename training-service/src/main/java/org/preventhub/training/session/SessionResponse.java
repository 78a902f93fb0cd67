package org.preventhub.training.session;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;

@Schema(description = "A training session.")
public record SessionResponse(
        UUID id,
        CourseSummary course,
        @Schema(example = "2019-10-03T08:30:00Z") Instant startsAt,
        @Schema(example = "2019-10-03T10:00:00Z") Instant endsAt,
        DeliveryMode mode,
        @Schema(maxLength = 300) String venue,
        @Schema(maxLength = 500) String onlineLink,
        @Schema(maxLength = 80, example = "warwick") String area,
        @Schema(minimum = "1", maximum = "1000", example = "25") int capacity,
        @Schema(minimum = "0", maximum = "1000", description = "Confirmed bookings.", example = "22") int seatsTaken,
        @Schema(minimum = "0", maximum = "1000", example = "3") int seatsLeft,
        @Schema(description = "People on the waiting list.", example = "0") int waiting,
        @Schema(maxLength = 200) String trainer,
        @Schema(maxLength = 100, description = "The partner agency whose trainers run it and see its people (bookings, "
                + "register, evaluations); with the Prevent lead, only they do.", example = "warwickshire-county-council")
        String runBy,
        Access access,
        @Schema(maxLength = 200) String organisation,
        @Schema(maxLength = 40, description = "A sector code of the deployment (one vocabulary for the suite).", example = "LOCAL_AUTHORITY") String audienceSector,
        SessionStatus status,
        @Schema(maxLength = 500) String cancellationReason,
        Instant cancelledAt,
        Instant deliveredAt,
        @Schema(description = "Changes on every update; send it back in If-Match to update safely.") long version,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(description = "The course a session delivers.")
    public record CourseSummary(UUID id, @Schema(maxLength = 40, example = "WRAP") String code,
            @Schema(maxLength = 200) String title, Priority priority) {
    }

    public static SessionResponse of(TrainingSession s) {
        return new SessionResponse(s.id,
                new CourseSummary(s.course.id, s.course.code, s.course.title, s.course.priority),
                s.startsAt, s.endsAt, s.mode, s.venue, s.onlineLink, s.area, s.capacity, s.seatsTaken, s.seatsLeft(),
                s.waiting, s.trainer, s.runBy, s.access, s.organisation, s.audienceSector, s.status, s.cancellationReason,
                s.cancelledAt, s.deliveredAt, s.version, s.createdAt, s.updatedAt);
    }
}

package org.preventhub.training.attendance;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.training.trainee.Trainee;

@Schema(description = "One person's attendance of a session.")
public record AttendanceResponse(UUID id, UUID sessionId, UUID bookingId, @Schema(maxLength = 200) String name,
        @Schema(maxLength = 320) String email,
        @Schema(maxLength = 200) String organisation, @Schema(maxLength = 40, description = "A sector code of the deployment (one vocabulary for the suite).", example = "LOCAL_AUTHORITY") String sector, @Schema(maxLength = 200) String jobRole,
        boolean attended, boolean walkIn, Instant recordedAt,
        Instant correctedAt, @Schema(maxLength = 500) String correctionReason, long version) {

    /** @param who the attendee, decrypted (empty once erased) */
    public static AttendanceResponse of(Attendance a, Trainee who, String correctionReason) {
        return new AttendanceResponse(a.id, a.session.id, a.booking == null ? null : a.booking.id, who.name(),
                who.email(), who.organisation(), a.sector, who.jobRole(), a.attended, a.walkIn, a.recordedAt,
                a.correctedAt, correctionReason, a.version);
    }
}

package org.preventhub.training.booking;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.training.trainee.Trainee;

@Schema(description = "A booking: a confirmed seat, a place on the waiting list, or a cancelled booking.")
public record BookingResponse(
        UUID id,
        @Schema(maxLength = 12, description = "Quote it to cancel or evaluate.", example = "K7M2Q9XD") String reference,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(maxLength = 22, description = "Shown once, when the booking is made: with the reference it lets the attendee cancel "
                + "and evaluate without an account.") String cancellationSecret,
        BookingStatus status,
        @Schema(description = "Place in the queue while waitlisted (1 is next).", example = "2") Integer waitlistPosition,
        SessionSummary session,
        Attendee attendee,
        BookingChannel channel,
        @Schema(description = "When it was recorded.") Instant createdAt,
        @Schema(description = "When it was made: createdAt, unless staff recorded it after the session started.") Instant bookedAt,
        Instant confirmedAt,
        Instant promotedAt,
        Instant cancelledAt,
        CancellationReason cancellationReason) {

    public record SessionSummary(UUID id, @Schema(maxLength = 40) String courseCode,
            @Schema(maxLength = 200) String courseTitle, Instant startsAt) {
    }

    public record Attendee(@Schema(maxLength = 200) String name, @Schema(maxLength = 320) String email,
            @Schema(maxLength = 200) String organisation, @Schema(maxLength = 40, description = "A sector code of the deployment (one vocabulary for the suite).", example = "LOCAL_AUTHORITY") String sector, @Schema(maxLength = 200) String jobRole) {
    }

    /** @param attendee who it is for, decrypted (empty once erased) */
    public static BookingResponse of(Booking b, Trainee attendee, Integer position, String secret) {
        return new BookingResponse(b.id, b.reference, secret, b.status, position,
                new SessionSummary(b.session.id, b.session.course.code, b.session.course.title, b.session.startsAt),
                new Attendee(attendee.name(), attendee.email(), attendee.organisation(), b.sector, attendee.jobRole()),
                b.channel, b.createdAt, b.bookedAt, b.confirmedAt, b.promotedAt, b.cancelledAt, b.cancellationReason);
    }
}

package org.preventhub.training.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The attendee a seat is booked for.")
public record BookingRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Sam Taylor") String name,
        @NotBlank @Email @Size(max = 320) @Schema(example = "sam.taylor@example.org") String email,
        @Size(max = 200) @Schema(description = "Required for a bespoke session: it must be the session's organisation.",
                example = "Warwickshire County Council") String organisation,
        @Schema(description = "The partner organisation (engagement's register of partner organisations) the attendee "
                + "works for, when there is one: reporting then counts the attendee under it and its type.")
                UUID organisationId,
        @NotBlank @Size(max = 40) @Schema(description = "A sector code of the deployment (one vocabulary for the suite).", example = "LOCAL_AUTHORITY") String sector,
        @Size(max = 200) @Schema(example = "Family support worker") String jobRole,
        @Schema(description = "Staff only: when the booking was made, if that was before it is recorded (not in the "
                + "future, not after the session started). A booking recorded after the session started is dated "
                + "the session's start when this is left out.", example = "2026-11-02T10:15:00Z") OffsetDateTime bookedAt,
        @Size(max = 200) @Schema(description = "Staff only: the attendee's user id in the identity provider, when the "
                + "attendee is a staff user (e.g. a Channel Panel member), so the completion counts towards the training "
                + "their governance role requires. An id only, never a name or e-mail address.",
                example = "f2b1c0de-0000-4000-8000-000000000001") String userId) {

    /** A booking without a user id (anyone the website or staff book who is not a staff user of the suite). */
    public BookingRequest(String name, String email, String organisation, UUID organisationId, String sector,
            String jobRole, OffsetDateTime bookedAt) {
        this(name, email, organisation, organisationId, sector, jobRole, bookedAt, null);
    }
}

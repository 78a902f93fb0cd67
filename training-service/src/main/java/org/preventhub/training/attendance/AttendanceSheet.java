package org.preventhub.training.attendance;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Attendance of one session, recorded in bulk from the register. */
@Schema(description = "Attended or no-show per booking, and walk-ins (people who came without a booking).")
public record AttendanceSheet(
        @Size(max = 500) List<@Valid @NotNull Mark> bookings,
        @Size(max = 500) List<@Valid @NotNull WalkIn> walkIns) {

    @Schema(description = "Whether a booked attendee came.")
    public record Mark(@NotNull UUID bookingId, @NotNull @Schema(example = "true") Boolean attended) {
    }

    @Schema(description = "Someone who came without a booking.")
    public record WalkIn(
            @NotBlank @Size(max = 200) @Schema(example = "Alex Morgan") String name,
            @Email @Size(max = 320) String email,
            @Size(max = 200) @Schema(example = "Rugby Borough Council") String organisation,
            @Schema(description = "The partner organisation (engagement's register) the walk-in works for, when there is one.")
                    UUID organisationId,
            @NotBlank @Size(max = 40) @Schema(description = "A sector code of the deployment (one vocabulary for the suite).", example = "LOCAL_AUTHORITY") String sector,
            @Size(max = 200) String jobRole) {
    }
}

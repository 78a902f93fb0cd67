package org.preventhub.training.session;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

/**
 * A session to schedule, or the new details of one (the course cannot change: schedule another session).
 * An in-person session needs a venue, an online one a link, a bespoke one the organisation it is for.
 */
@Schema(description = "A training session: one delivery of a course.")
public record SessionRequest(
        @Schema(description = "The course delivered. Required to schedule; ignored on update.",
                example = "0b8f3f5e-5d0c-4c43-9a8a-1b1f2f3e4d5c") UUID courseId,
        @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2019-10-03T09:30:00+01:00") OffsetDateTime startsAt,
        @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2019-10-03T11:00:00+01:00") OffsetDateTime endsAt,
        @NotNull @Schema(example = "IN_PERSON") DeliveryMode mode,
        @Size(max = 300) @Schema(example = "Shire Hall, Warwick") String venue,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// address")
        @Schema(example = "https://meet.example.org/prevent-update") String onlineLink,
        @Size(max = 80) @NotBlank @Schema(description = "Area code of the deployment.", example = "warwick") String area,
        @NotNull @Min(1) @Max(1000) @Schema(example = "25") Integer capacity,
        @Size(max = 200) @Schema(example = "Prevent Officer") String trainer,
        @NotNull @Schema(example = "OPEN") Access access,
        @Size(max = 200) @Schema(description = "Required for a bespoke session; must be empty for an open one.",
                example = "Warwickshire County Council commissioning team") String organisation,
        @NotBlank @Size(max = 40) @Schema(description = "A sector code of the deployment (one vocabulary for the suite).", example = "LOCAL_AUTHORITY") String audienceSector) {
}

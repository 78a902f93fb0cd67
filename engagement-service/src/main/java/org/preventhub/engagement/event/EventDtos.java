package org.preventhub.engagement.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.contracts.DeliveryMode;
import org.preventhub.contracts.Priority;
import org.preventhub.engagement.organisation.PartnerRole;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

public final class EventDtos {

    private EventDtos() {
    }

    @Schema(description = "A community engagement event, planned or (for the record) already held.")
    public record EventRequest(
            @NotBlank @Size(max = 300) @Schema(example = "We Stand Together – Nuneaton") String title,
            @Size(max = 40) @NotBlank @Schema(description = "A configured event type.", example = "PUBLIC_MEETING") String type,
            @NotEmpty @Size(max = 60) @Schema(description = "Every day it runs.", example = "[\"2019-09-26\"]") List<@NotNull @PlausibleDate(Kind.RECORD) LocalDate> dates,
            @NotNull DeliveryMode mode,
            @Size(max = 300) @Schema(example = "Nuneaton Town Hall") String venue,
            @Size(max = 80) @NotBlank @Schema(example = "nuneaton-and-bedworth") String area,
            @NotNull @Schema(example = "COMMUNITY_ENGAGEMENT") Priority priority,
            @Size(max = 40) @NotBlank @Schema(example = "COMMUNITY") String audience,
            @Size(max = 20) List<@Valid @NotNull PartnerRole> partners,
            @Size(max = 500) @Schema(example = "West Midlands Counter Terrorism Unit") String fundingNote,
            @Min(0) @Max(1_000_000) @Schema(example = "60") Integer plannedAttendance) {
    }

    @Schema(description = "The event took place: how many came (when known) and what came of it.")
    public record HeldRequest(
            @Min(0) @Max(1_000_000) @Schema(description = "Empty when nobody counted.", example = "52") Integer attendance,
            @Size(max = 20) @Schema(description = "HEADCOUNT, REGISTER, BOOKINGS or ESTIMATE; required with an attendance.",
                    example = "HEADCOUNT") String countedBy,
            @Size(max = 4000) @Schema(example = "Views on hate crime and extremism informed the local action plans.")
            String outcomes,
            @Size(max = 4000) @Schema(example = "Share the EQuIP report with the Prevent Strategy Group.") String followUpActions) {
    }

    @Schema(description = "A corrected attendance figure; the earlier one stays in the history.")
    public record AttendanceCorrection(
            @NotNull @Min(0) @Max(1_000_000) Integer attendance,
            @Size(max = 20) @NotBlank String countedBy,
            @NotBlank @Size(max = 500) @Schema(example = "Second sign-in sheet found") String reason) {
    }

    @Schema(description = "Why the event was cancelled.")
    public record Reason(@NotBlank @Size(max = 500) @Schema(example = "Venue closed by flooding") String reason) {
    }

    @Schema(description = "Why the event was postponed, and its new days when known.")
    public record PostponeRequest(@NotBlank @Size(max = 500) @Schema(example = "COVID-19 restrictions") String reason,
            @Size(max = 60) @Schema(example = "[\"2020-11-23\"]") List<@NotNull @PlausibleDate(Kind.RECORD) LocalDate> newDates) {
    }

    @Schema(description = "One attendance figure: recorded after the event (RECORDED) or a later correction (CORRECTED).")
    public record AttendanceEntry(@Schema(maxLength = 20) String kind, int attendance,
            @Schema(maxLength = 20) String countedBy, @Schema(maxLength = 500) String reason,
            @Schema(maxLength = 200) String recordedBy,
            Instant recordedAt) {
    }

    @Schema(description = "A postponement or cancellation, and why.")
    public record StatusEntry(@Schema(example = "POSTPONED") EventStatus status,
            @Schema(maxLength = 500, example = "COVID-19 restrictions") String reason,
            @Schema(maxLength = 200) String recordedBy, Instant recordedAt) {
    }

    @Schema(description = "A community engagement event.")
    public record EventView(UUID id, @Schema(maxLength = 300) String title, @Schema(maxLength = 40) String type,
            EventStatus status, @Schema(maxItems = 60) List<LocalDate> dates, DeliveryMode mode,
            @Schema(maxLength = 300) String venue, @Schema(maxLength = 80) String area, Priority priority,
            @Schema(maxLength = 40) String audience, @Schema(maxItems = 20) List<PartnerRole> partners,
            @Schema(maxLength = 500) String fundingNote,
            Integer plannedAttendance, Integer attendance, @Schema(maxLength = 20) String attendanceCountedBy,
            @Schema(maxLength = 4000) String outcomes,
            @Schema(maxLength = 4000) String followUpActions,
            @Schema(description = "Every figure recorded, oldest first.") List<AttendanceEntry> attendanceHistory,
            @Schema(description = "Every postponement and cancellation, with its reason, oldest first.")
            List<StatusEntry> statusHistory,
            @Schema(maxLength = 100) String source, long version) {
    }
}

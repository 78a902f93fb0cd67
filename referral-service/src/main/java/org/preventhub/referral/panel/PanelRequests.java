package org.preventhub.referral.panel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.preventhub.referral.referral.Vocabulary.PanelDecision;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

/** Requests of the panel feature. */
public final class PanelRequests {

    private PanelRequests() {
    }

    @Schema(description = "A panel member: their user id (the token subject), name and agency.")
    public record MemberRequest(
            @NotBlank @Size(max = 200) @Schema(example = "5c776d2e-a526-4db5-af2e-04322a320bed") String userId,
            @NotBlank @Size(max = 200) @Schema(example = "Channel chair") String name,
            @NotBlank @Size(max = 100) @Schema(example = "warwickshire-county-council") String agency) {
    }

    @Schema(description = "A Channel panel meeting.")
    public record PanelRequest(
            @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2020-03-10") LocalDate meetsOn,
            @NotNull @Valid MemberRequest chair,
            @Size(max = 40) List<@Valid @NotNull MemberRequest> members) {
    }

    @Schema(description = "Monthly meetings: the nth weekday of each month.")
    public record ScheduleRequest(
            @NotNull @PlausibleDate(Kind.RECORD) @Schema(example = "2020-09") YearMonth from,
            @NotNull @Min(1) @Max(24) @Schema(example = "12") Integer months,
            @NotNull @Schema(example = "TUESDAY") DayOfWeek weekday,
            @NotNull @Min(1) @Max(4) @Schema(description = "1 for the first in the month.", example = "2") Integer week,
            @NotNull @Valid MemberRequest chair,
            @Size(max = 40) List<@Valid @NotNull MemberRequest> members) {
    }

    public record AgendaRequest(@NotNull UUID referralId) {
    }

    @Schema(description = "The panel's decision on a referral, with the minutes (encrypted; never published).")
    public record DecisionRequest(
            @NotNull PanelDecision decision,
            @NotEmpty @Size(max = 8000) @Schema(example = "Vulnerabilities and ideology discussed; adopted with "
                    + "mentoring through the intervention provider.") String minutes) {
    }
}

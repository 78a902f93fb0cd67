package org.preventhub.referral.plan;

import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.referral.referral.ReferralStatus;
import org.preventhub.referral.referral.StepRequest;

@Schema(description = "A Channel case's support plan and every revision of it (personal data: the read is logged).")
public record SupportPlanView(
        UUID referralId,
        @Schema(maxLength = 20) String reference,
        ReferralStatus status,
        @Schema(description = "Whether it can be revised now: while the case is in support.") boolean revisable,
        Revision current,
        @Schema(description = "Oldest first; the last is the current plan.") List<Revision> revisions,
        @Schema(description = "The referral's version: send it as If-Match to revise.") long version) {

    @Schema(description = "One revision: the plan as agreed, who agreed it, when, and why it changed.")
    public record Revision(
            @Schema(description = "1 for the plan agreed when support started.") int revision,
            @Schema(maxItems = 10) List<@Size(max = 200) String> providers,
            @Schema(maxItems = 50) List<StepRequest.PlanAction> actions,
            LocalDate agreedOn,
            @Schema(maxLength = 200) String revisedBy,
            Instant revisedAt,
            @Schema(maxLength = 4000, description = "Why it was revised (none for the first plan).") String reason) {
    }

    @Schema(description = "A revision made: which, when and by whom (the plan itself is read with a purpose).")
    public record Change(UUID referralId, int revision, LocalDate agreedOn, @Schema(maxLength = 200) String revisedBy,
            Instant revisedAt,
            long version) {
    }
}

package org.preventhub.referral.referral;

import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.referral.plan.Revision;

@Schema(description = "A Channel case's support plan and every revision of it (personal data: the read is logged).")
public record SupportPlanView(
        UUID referralId,
        @Schema(maxLength = 20) String reference,
        ReferralStatus status,
        @Schema(description = "Whether it can be revised now: while the case is in support.") boolean revisable,
        Revision current,
        @Schema(description = "Oldest first; the last is the current plan.") List<Revision> revisions,
        @Schema(description = "The referral's version: send it as If-Match to revise.") long version) {

    @Schema(description = "A revision made: which, when and by whom (the plan itself is read with a purpose).")
    public record Change(UUID referralId, int revision, LocalDate agreedOn, @Schema(maxLength = 200) String revisedBy,
            Instant revisedAt,
            long version) {
    }
}

package org.preventhub.referral.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One revision: the plan as agreed, who agreed it, when, and why it changed.")
public record Revision(
        @Schema(description = "1 for the plan agreed when support started.") int revision,
        @Schema(maxItems = 10) List<@Size(max = 200) String> providers,
        @Schema(maxItems = 50) List<PlanAction> actions,
        LocalDate agreedOn,
        @Schema(maxLength = 200) String revisedBy,
        Instant revisedAt,
        @Schema(maxLength = 4000, description = "Why it was revised (none for the first plan).") String reason) {
}

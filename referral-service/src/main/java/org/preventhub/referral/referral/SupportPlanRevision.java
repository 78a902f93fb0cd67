package org.preventhub.referral.referral;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.referral.plan.SupportPlan;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

@Schema(description = "A revised support plan: the whole plan as now agreed, and why it changed.")
public record SupportPlanRevision(
        @NotNull @Valid SupportPlan plan,
        @NotBlank @Size(max = 4000) @Schema(example = "Mentoring moved online during lockdown.") String reason,
        @PlausibleDate(Kind.PAST) @Schema(description = "The day it was agreed; defaults to today.") LocalDate on) {
}

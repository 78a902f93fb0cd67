package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.referral.plan.SupportPlan;
import org.preventhub.referral.referral.Vocabulary.ConsentGivenBy;
import org.preventhub.referral.referral.Vocabulary.ExitOutcome;
import org.preventhub.platform.validation.PlausibleDate;
import org.preventhub.platform.validation.PlausibleDate.Kind;

/**
 * A step of the journey. Which members matter depends on the step: {@code consentGiven} and
 * {@code consentGivenBy} for consent, {@code plan} for the support plan, {@code exitOutcome} for exit,
 * {@code review} for a review. {@code reason} is required where the Home Office asks why.
 */
@Schema(description = "A step of the Channel journey.")
public record StepRequest(
        @Size(max = 4000) @Schema(description = "Why (required for screening outcomes and exits).",
                example = "Deconfliction complete; vulnerabilities identified; listed for the March panel.") String reason,
        @PlausibleDate(Kind.PAST) @Schema(description = "The day it happened; defaults to today.") LocalDate on,
        Boolean consentGiven,
        ConsentGivenBy consentGivenBy,
        @Valid SupportPlan plan,
        ExitOutcome exitOutcome,
        @Schema(description = "For a review: SIX_MONTHS or TWELVE_MONTHS.") Review review) {

    public enum Review {
        SIX_MONTHS, TWELVE_MONTHS
    }
}

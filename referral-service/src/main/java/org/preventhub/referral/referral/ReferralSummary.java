package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of the referral list for the Prevent lead and panel members (each line shown is logged). */
@Schema(description = "A referral in a list.")
public record ReferralSummary(UUID id, String reference, ReferralStatus status, String personName, String ageBand,
        String gender, String area, List<String> concernTypes, LocalDate receivedOn, LocalDate nextReviewDue,
        @Schema(description = "The day of the latest step.") LocalDate lastStepOn) {
}

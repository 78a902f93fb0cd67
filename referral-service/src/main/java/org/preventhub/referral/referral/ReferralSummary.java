package org.preventhub.referral.referral;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A line of the referral list for the Prevent lead and panel members (each line shown is logged). */
@Schema(description = "A referral in a list.")
public record ReferralSummary(UUID id, @Schema(maxLength = 20) String reference, ReferralStatus status,
        @Schema(maxLength = 200) String personName, @Schema(maxLength = 20) String ageBand,
        @Schema(maxLength = 20) String gender, @Schema(maxLength = 80) String area,
        @Schema(maxItems = 5) List<@Size(max = 50) String> concernTypes, LocalDate receivedOn, LocalDate nextReviewDue,
        @Schema(description = "The day of the latest step.") LocalDate lastStepOn,
        @Schema(required = true, enumeration = ReferralSummary.VIEW, description = ReferralPage.VIEW_DESCRIPTION) String view) {

    static final String VIEW = "SUMMARY";

    ReferralSummary(UUID id, String reference, ReferralStatus status, String personName, String ageBand, String gender,
            String area, List<String> concernTypes, LocalDate receivedOn, LocalDate nextReviewDue, LocalDate lastStepOn) {
        this(id, reference, status, personName, ageBand, gender, area, concernTypes, receivedOn, nextReviewDue, lastStepOn,
                VIEW);
    }
}

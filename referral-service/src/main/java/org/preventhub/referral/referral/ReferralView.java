package org.preventhub.referral.referral;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.referral.plan.Revision;

/** Everything held about a referral: for the Prevent lead and the members of its Channel panel. */
@Schema(description = "A referral, in full (personal data: the read is logged with its purpose).")
public record ReferralView(
        UUID id,
        @Schema(maxLength = 20, example = "CH-2020-0007") String reference,
        ReferralStatus status,
        @Schema(maxItems = 20, description = "The steps that can be taken next.") List<@Size(max = 40) String> allowedActions,
        Referrer referrer,
        Person person,
        @Schema(maxItems = 5) List<@Size(max = 50) String> concernTypes,
        @Schema(maxLength = 5000) String prompt,
        @Schema(maxLength = 20) String urgency,
        Journey journey,
        @Schema(description = "The current support plan of a Channel case (its revisions: GET .../support-plan).")
        Revision supportPlan,
        boolean legalHold,
        @Schema(description = "Personal data erased under the retention rules.") boolean erased,
        long version,
        @Schema(required = true, enumeration = ReferralView.VIEW, description = ReferralPage.VIEW_DESCRIPTION) String view) {

    static final String VIEW = "FULL";

    ReferralView(UUID id, String reference, ReferralStatus status, List<String> allowedActions, Referrer referrer,
            Person person, List<String> concernTypes, String prompt, String urgency, Journey journey, Revision supportPlan,
            boolean legalHold, boolean erased, long version) {
        this(id, reference, status, allowedActions, referrer, person, concernTypes, prompt, urgency, journey, supportPlan,
                legalHold, erased, version, VIEW);
    }

    public record Referrer(@Schema(maxLength = 100) String agency, @Schema(maxLength = 40, description = "A sector code of the deployment (one vocabulary for the suite).") String sector,
            @Schema(maxLength = 600) String contact) {
    }

    public record Person(@Schema(maxLength = 200) String name, LocalDate dateOfBirth,
            @Schema(maxLength = 20) String gender, @Schema(maxLength = 20) String ageBand,
            @Schema(maxLength = 500) String address,
            @Schema(maxLength = 80) String area, @Schema(maxLength = 200) String schoolOrEmployer,
            @Schema(maxLength = 100) String ethnicity,
            @Schema(maxItems = 10) List<@Size(max = 200) String> vulnerabilities) {
    }

    public record Journey(LocalDate receivedOn, LocalDate screenedOn, @Schema(maxLength = 30) String screeningOutcome,
            LocalDate discussedAtPanelOn, @Schema(maxLength = 40) String panelOutcome, LocalDate consentOn,
            @Schema(maxLength = 20) String consent,
            @Schema(maxLength = 30) String consentGivenBy, LocalDate supportStartedOn, LocalDate exitedOn,
            @Schema(maxLength = 40) String exitOutcome,
            int reviewsDone, LocalDate nextReviewDue, LocalDate closedOn, LocalDate retainUntil) {
    }

    static Journey journey(Referral r) {
        return new Journey(r.receivedOn, r.screenedOn, r.screeningOutcome, r.discussedAtPanelOn, r.panelOutcome,
                r.consentOn, r.consent, r.consentGivenBy, r.supportStartedOn, r.exitedOn, r.exitOutcome, r.reviewsDone,
                r.nextReviewDue, r.closedOn, r.retainUntil);
    }
}

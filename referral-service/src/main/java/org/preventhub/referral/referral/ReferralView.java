package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.preventhub.referral.plan.SupportPlanView;

/** Everything held about a referral: for the Prevent lead and the members of its Channel panel. */
@Schema(description = "A referral, in full (personal data: the read is logged with its purpose).")
public record ReferralView(
        UUID id,
        @Schema(example = "CH-2020-0007") String reference,
        ReferralStatus status,
        @Schema(description = "The steps that can be taken next.") List<String> allowedActions,
        Referrer referrer,
        Person person,
        List<String> concernTypes,
        String prompt,
        String urgency,
        Journey journey,
        @Schema(description = "The current support plan of a Channel case (its revisions: GET .../support-plan).")
        SupportPlanView.Revision supportPlan,
        boolean legalHold,
        @Schema(description = "Personal data erased under the retention rules.") boolean erased,
        long version) {

    public record Referrer(String agency, String sector, String contact) {
    }

    public record Person(String name, LocalDate dateOfBirth, String gender, String ageBand, String address,
            String area, String schoolOrEmployer, String ethnicity, List<String> vulnerabilities) {
    }

    public record Journey(LocalDate receivedOn, LocalDate screenedOn, String screeningOutcome,
            LocalDate discussedAtPanelOn, String panelOutcome, LocalDate consentOn, String consent,
            String consentGivenBy, LocalDate supportStartedOn, LocalDate exitedOn, String exitOutcome,
            int reviewsDone, LocalDate nextReviewDue, LocalDate closedOn, LocalDate retainUntil) {
    }

    static Journey journey(Referral r) {
        return new Journey(r.receivedOn, r.screenedOn, r.screeningOutcome, r.discussedAtPanelOn, r.panelOutcome,
                r.consentOn, r.consent, r.consentGivenBy, r.supportStartedOn, r.exitedOn, r.exitOutcome, r.reviewsDone,
                r.nextReviewDue, r.closedOn, r.retainUntil);
    }
}

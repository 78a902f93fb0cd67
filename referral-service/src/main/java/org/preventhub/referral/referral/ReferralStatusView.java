package org.preventhub.referral.referral;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a referring agency sees of its referrals: where they are, and how they ended. */
@Schema(description = "A referral's status and outcome, as its referring agency sees it.")
public record ReferralStatusView(UUID id, @Schema(maxLength = 20, example = "CH-2020-0007") String reference,
        ReferralStatus status,
        @Schema(maxLength = 40, description = "How it ended, once it has.", example = "SIGNPOSTED") String outcome,
        LocalDate receivedOn, LocalDate closedOn,
        @Schema(required = true, enumeration = ReferralStatusView.VIEW, description = ReferralPage.VIEW_DESCRIPTION) String view) {

    static final String VIEW = "STATUS";

    ReferralStatusView(UUID id, String reference, ReferralStatus status, String outcome, LocalDate receivedOn,
            LocalDate closedOn) {
        this(id, reference, status, outcome, receivedOn, closedOn, VIEW);
    }

    static ReferralStatusView of(Referral r) {
        String outcome = switch (r.status) {
            case NO_FURTHER_ACTION, SIGNPOSTED -> r.screeningOutcome;
            case NOT_ADOPTED -> r.panelOutcome;
            case CONSENT_REFUSED -> "CONSENT_REFUSED";
            case EXITED, CLOSED -> r.exitOutcome;
            default -> null;
        };
        return new ReferralStatusView(r.id, r.reference, r.status, outcome, r.receivedOn, r.closedOn);
    }
}

package org.preventhub.referral.referral;

import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a referral's journey stands, with nothing that identifies the person: what a change answers, so that
 * taking a step is not also an unlogged read of the record (read it with a purpose for that).
 */
@Schema(description = "A referral's journey without personal data (the answer of a step or a legal hold).")
public record ReferralJourneyView(
        UUID id,
        @Schema(maxLength = 20, example = "CH-2020-0007") String reference,
        ReferralStatus status,
        @Schema(maxItems = 20, description = "The steps that can be taken next.") List<@Size(max = 40) String> allowedActions,
        @Schema(maxLength = 40) String referrerSector,
        @Schema(maxItems = 5) List<@Size(max = 50) String> concernTypes,
        @Schema(maxLength = 20) String urgency,
        ReferralView.Journey journey,
        boolean legalHold,
        boolean erased,
        long version) {

    static ReferralJourneyView of(Referral r) {
        return new ReferralJourneyView(r.id, r.reference, r.status, r.status.allowedActions(), r.referrerSector,
                r.concernTypeList(), r.urgency.name(), ReferralView.journey(r), r.legalHold, r.erasedAt != null,
                r.version);
    }
}

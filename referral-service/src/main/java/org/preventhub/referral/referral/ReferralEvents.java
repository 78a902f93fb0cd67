package org.preventhub.referral.referral;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.contracts.referral.ReferralSnapshot;
import org.preventhub.contracts.referral.ReferralStageChanged;
import org.preventhub.platform.outbox.Outbox;
import org.preventhub.referral.config.ReferralConfig;

/** A referral's pseudonymous events, written to the outbox in the transaction of the change they report. */
@ApplicationScoped
public class ReferralEvents {

    private final Outbox outbox;
    private final ReferralConfig config;

    public ReferralEvents(Outbox outbox, ReferralConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public void publish(Referral referral, String type, ReferralStatus from, LocalDate on) {
        outbox.record(ReferralEventTypes.AGGREGATE_REFERRAL, referral.pseudonym, type,
                new ReferralStageChanged(snapshot(referral), from == null ? null : from.name(), on));
    }

    public ReferralSnapshot snapshot(Referral r) {
        return new ReferralSnapshot(r.pseudonym, r.status.name(), r.receivedOn, r.referrerSector,
                r.concernTypeList(), r.ageBand, r.gender.name(), r.area, r.urgency.name(), r.screenedOn,
                r.screeningOutcome, r.discussedAtPanelOn, r.panelOutcome, r.consentOn, r.consent, r.supportStartedOn,
                r.exitedOn, r.exitOutcome, r.reviewsDone, r.nextReviewDue, r.closedOn,
                config.homeOfficeConcernType(r.concernTypeList().get(0)), r.homeOfficeAgeBand);
    }
}

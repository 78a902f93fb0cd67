package org.preventhub.reporting.projection;

import static org.preventhub.reporting.projection.EventMapping.date;
import static org.preventhub.reporting.projection.EventMapping.required;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.preventhub.contracts.SectorCodes;
import org.preventhub.contracts.Topics;
import org.preventhub.contracts.referral.ReferralEventTypes;
import org.preventhub.contracts.referral.ReferralSnapshot;
import org.preventhub.contracts.referral.ReferralStageChanged;
import org.preventhub.reporting.projection.EventMapping.EventTime;

/**
 * The referral service's events ({@link Topics#REFERRAL}) as facts: every one carries the whole pseudonymous
 * snapshot, upserted by the pseudonym.
 */
final class ReferralFacts {

    static final Fact REFERRAL = new Fact("referral_fact", """
            pseudonym text, stage text, received_on date, referrer_sector text, concern_types text[], age_band text,
            gender text, area text, urgency text, screened_on date, screening_outcome text, discussed_at_panel_on date,
            panel_outcome text, consent_on date, consent text, support_started_on date, exited_on date,
            exit_outcome text, reviews_done int, next_review_due date, closed_on date, ho_concern_type text,
            ho_age_band text, last_event_at timestamptz""", """
            ON CONFLICT (pseudonym) DO UPDATE SET stage = excluded.stage, received_on = excluded.received_on,
              referrer_sector = excluded.referrer_sector, concern_types = excluded.concern_types,
              age_band = excluded.age_band, gender = excluded.gender, area = excluded.area, urgency = excluded.urgency,
              screened_on = excluded.screened_on, screening_outcome = excluded.screening_outcome,
              discussed_at_panel_on = excluded.discussed_at_panel_on, panel_outcome = excluded.panel_outcome,
              consent_on = excluded.consent_on, consent = excluded.consent,
              support_started_on = excluded.support_started_on, exited_on = excluded.exited_on,
              exit_outcome = excluded.exit_outcome, reviews_done = excluded.reviews_done,
              next_review_due = excluded.next_review_due, closed_on = excluded.closed_on,
              ho_concern_type = excluded.ho_concern_type, ho_age_band = excluded.ho_age_band,
              last_event_at = excluded.last_event_at WHERE referral_fact.last_event_at <= excluded.last_event_at""");

    private static final EventMapping<ReferralStageChanged> STAGE_CHANGED = EventMapping.of(ReferralStageChanged.class,
            ReferralFacts::referral);

    /** Every referral event is a stage change with the whole snapshot after it. */
    static final Map<String, EventMapping<?>> BY_TYPE = Stream.of(ReferralEventTypes.RECEIVED,
            ReferralEventTypes.SCREENING_STARTED, ReferralEventTypes.SCREENED_OUT, ReferralEventTypes.LISTED_FOR_PANEL,
            ReferralEventTypes.ADOPTED, ReferralEventTypes.NOT_ADOPTED, ReferralEventTypes.CONSENT_RECORDED,
            ReferralEventTypes.SUPPORT_STARTED, ReferralEventTypes.EXITED, ReferralEventTypes.REVIEW_RECORDED,
            ReferralEventTypes.CLOSED).collect(Collectors.toUnmodifiableMap(Function.identity(), type -> STAGE_CHANGED));

    private ReferralFacts() {
    }

    private static List<Fact.Row> referral(ReferralStageChanged change, EventTime t) {
        ReferralSnapshot r = required(change.referral(), "referral");
        List<String> concerns = required(r.concernTypes(), "concernTypes");
        return List.of(REFERRAL.row(required(r.referralPseudonym(), "referralPseudonym"), required(r.stage(), "stage"),
                date(r.receivedOn()), SectorCodes.current(r.referrerSector()), concerns.toArray(String[]::new),
                r.ageBand(), r.gender(), r.area(), r.urgency(), date(r.screenedOn()), r.screeningOutcome(),
                date(r.discussedAtPanelOn()), r.panelOutcome(), date(r.consentOn()), r.consent(),
                date(r.supportStartedOn()), date(r.exitedOn()), r.exitOutcome(), r.reviewsDone(),
                date(r.nextReviewDue()), date(r.closedOn()),
                HomeOfficeCategories.concern(r.homeOfficeConcernType(), concerns),
                HomeOfficeCategories.ageBand(r.homeOfficeAgeBand(), r.ageBand()), t.at()));
    }
}

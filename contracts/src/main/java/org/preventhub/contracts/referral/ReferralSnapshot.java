package org.preventhub.contracts.referral;

import java.time.LocalDate;
import java.util.List;

/**
 * A Channel referral as the statistics need it, and nothing that identifies the person: no name, date of birth,
 * address, school or employer, ethnicity or free text. Dates are days (no times), the age is a band.
 *
 * @param referralPseudonym keyed HMAC of the referral id: stable, not reversible without the key
 * @param stage the current stage: RECEIVED, IN_SCREENING, NO_FURTHER_ACTION, SIGNPOSTED, LISTED_FOR_PANEL,
 *            NOT_ADOPTED, ADOPTED, CONSENT_REFUSED, CONSENT_GIVEN, IN_SUPPORT, EXITED or CLOSED
 * @param referrerSector Home Office sector of the referrer: EDUCATION, POLICE, LOCAL_AUTHORITY, HEALTH,
 *            COMMUNITY, FRIENDS_AND_FAMILY, PRISONS, PROBATION, OTHER
 * @param concernTypes e.g. ISLAMIST, EXTREME_RIGHT_WING, MIXED_UNCLEAR_UNSTABLE, NO_IDEOLOGY, OTHER
 * @param ageBand under-15, 15-17, 18-20, 21-30, 31-40, 41-50, 51-60, 61-plus
 * @param gender MALE, FEMALE, OTHER, NOT_KNOWN
 * @param screeningOutcome NO_FURTHER_ACTION, SIGNPOSTED or LISTED_FOR_PANEL once screened
 * @param panelOutcome ADOPTED, NOT_ADOPTED_SIGNPOSTED or NOT_ADOPTED_NO_FURTHER_ACTION once discussed
 * @param consent GIVEN or REFUSED once asked
 * @param exitOutcome NO_FURTHER_CONCERNS or REFERRED_TO_OTHER_SERVICES once exited
 * @param reviewsDone 0, 1 (six months) or 2 (twelve months)
 * @param homeOfficeConcernType the Home Office's category of the first concern type (the one the referrer raised):
 *            ISLAMIST, EXTREME_RIGHT_WING, LEFT_WING_ANARCHIST_SINGLE_ISSUE, MIXED_UNCLEAR_UNSTABLE, CONFLICTED,
 *            SCHOOL_MASSACRE, INCEL, VULNERABILITY_NO_IDEOLOGY or OTHER; absent from events before December 2026
 * @param homeOfficeAgeBand the age band in the Home Office's scheme: under-15, 15-20, 21-30, 31-40, 41-50, 51-60,
 *            61-plus; absent from events before December 2026
 */
public record ReferralSnapshot(
        String referralPseudonym,
        String stage,
        LocalDate receivedOn,
        String referrerSector,
        List<String> concernTypes,
        String ageBand,
        String gender,
        String area,
        String urgency,
        LocalDate screenedOn,
        String screeningOutcome,
        LocalDate discussedAtPanelOn,
        String panelOutcome,
        LocalDate consentOn,
        String consent,
        LocalDate supportStartedOn,
        LocalDate exitedOn,
        String exitOutcome,
        int reviewsDone,
        LocalDate nextReviewDue,
        LocalDate closedOn,
        String homeOfficeConcernType,
        String homeOfficeAgeBand) {
}

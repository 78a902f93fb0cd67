package org.preventhub.contracts.referral;

/**
 * CloudEvent types published on {@link org.preventhub.contracts.Topics#REFERRAL}. Every one carries the whole
 * {@link ReferralSnapshot}, so a consumer upserts by the pseudonymous id and replays stay right.
 */
public final class ReferralEventTypes {
    /** The aggregate id is the referral's pseudonym (keyed HMAC), never its database id. */
    public static final String AGGREGATE_REFERRAL = "referral";

    public static final String RECEIVED = "referral.received.v1";
    public static final String SCREENING_STARTED = "referral.screening-started.v1";
    public static final String SCREENED_OUT = "referral.screened-out.v1";
    public static final String LISTED_FOR_PANEL = "referral.listed-for-panel.v1";
    public static final String ADOPTED = "referral.adopted.v1";
    public static final String NOT_ADOPTED = "referral.not-adopted.v1";
    public static final String CONSENT_RECORDED = "referral.consent-recorded.v1";
    public static final String SUPPORT_STARTED = "referral.support-started.v1";
    public static final String EXITED = "referral.exited.v1";
    public static final String REVIEW_RECORDED = "referral.review-recorded.v1";
    public static final String CLOSED = "referral.closed.v1";

    private ReferralEventTypes() {
    }
}

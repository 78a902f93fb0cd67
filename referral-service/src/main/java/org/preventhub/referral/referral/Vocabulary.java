package org.preventhub.referral.referral;

/** The controlled vocabularies of a referral, as the Home Office publishes its statistics; sectors are the suite's (platform Sectors). */
public final class Vocabulary {

    private Vocabulary() {
    }

    public enum Gender {
        MALE, FEMALE, OTHER, NOT_KNOWN
    }

    public enum Urgency {
        ROUTINE, URGENT, IMMEDIATE_RISK
    }

    public enum ConsentGivenBy {
        PERSON, PARENT_OR_GUARDIAN
    }

    public enum PanelDecision {
        ADOPTED, NOT_ADOPTED_SIGNPOSTED, NOT_ADOPTED_NO_FURTHER_ACTION
    }

    public enum ExitOutcome {
        NO_FURTHER_CONCERNS, REFERRED_TO_OTHER_SERVICES
    }
}

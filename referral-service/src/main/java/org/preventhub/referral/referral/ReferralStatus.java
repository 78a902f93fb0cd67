package org.preventhub.referral.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The stages of the Channel journey, and the steps allowed from each. */
public enum ReferralStatus {
    RECEIVED,
    IN_SCREENING,
    NO_FURTHER_ACTION,
    SIGNPOSTED,
    LISTED_FOR_PANEL,
    NOT_ADOPTED,
    ADOPTED,
    CONSENT_REFUSED,
    CONSENT_GIVEN,
    IN_SUPPORT,
    EXITED,
    CLOSED;

    private static final Map<ReferralStatus, List<String>> NEXT = Map.of(
            RECEIVED, List.of(Actions.START_SCREENING),
            IN_SCREENING, List.of(Actions.NO_FURTHER_ACTION, Actions.SIGNPOST, Actions.LIST_FOR_PANEL),
            LISTED_FOR_PANEL, List.of(Actions.PANEL_DECISION),
            ADOPTED, List.of(Actions.CONSENT),
            CONSENT_GIVEN, List.of(Actions.SUPPORT_PLAN),
            IN_SUPPORT, List.of(Actions.EXIT),
            EXITED, List.of(Actions.REVIEW));

    private static final Set<ReferralStatus> CLOSED_STATES = EnumSet.of(NO_FURTHER_ACTION, SIGNPOSTED, NOT_ADOPTED,
            CONSENT_REFUSED, CLOSED);

    /** The steps that can be taken next (a panel decision is taken at a panel meeting). */
    public List<String> allowedActions() {
        return NEXT.getOrDefault(this, List.of());
    }

    /** Still being worked on: a Channel panel member may see it. Exited cases are closed to the panel. */
    public boolean isOpen() {
        return !CLOSED_STATES.contains(this) && this != EXITED;
    }

    /** The statuses for which {@link #isOpen()} holds, for queries that select open referrals. */
    public static List<ReferralStatus> open() {
        return java.util.Arrays.stream(values()).filter(ReferralStatus::isOpen).toList();
    }

    public boolean isClosed() {
        return CLOSED_STATES.contains(this);
    }
}

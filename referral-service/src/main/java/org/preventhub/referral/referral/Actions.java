package org.preventhub.referral.referral;

/** Names of the journey's steps, as they appear in URLs and in the problem's allowed actions. */
public final class Actions {
    public static final String START_SCREENING = "start-screening";
    public static final String NO_FURTHER_ACTION = "no-further-action";
    public static final String SIGNPOST = "signpost";
    public static final String LIST_FOR_PANEL = "list-for-panel";
    public static final String PANEL_DECISION = "panel-decision";
    public static final String CONSENT = "consent";
    public static final String SUPPORT_PLAN = "support-plan";
    public static final String EXIT = "exit";
    public static final String REVIEW = "review";

    /** Every step there is: anything else in a step's URL is 404, not a step refused at this stage. */
    public static final java.util.List<String> ALL = java.util.List.of(START_SCREENING, NO_FURTHER_ACTION, SIGNPOST,
            LIST_FOR_PANEL, PANEL_DECISION, CONSENT, SUPPORT_PLAN, EXIT, REVIEW);

    private Actions() {
    }
}

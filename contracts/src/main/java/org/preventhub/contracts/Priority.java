package org.preventhub.contracts;

/**
 * The six priorities of a Prevent action plan. Every activity, indicator and recommended action
 * is tagged with exactly one of them; reports are organised by them.
 */
public enum Priority {
    COMMUNITY_ENGAGEMENT(1, "Community and voluntary sector engagement"),
    LEADERSHIP_GOVERNANCE(2, "Leadership, governance and accountability"),
    AWARENESS_LEARNING(3, "Awareness, learning and development"),
    SAFE_EDUCATION(4, "Safe education"),
    SUPPORT(5, "Support"),
    INTELLIGENCE_COMMUNICATIONS(6, "Intelligence and communications");

    private final int number;
    private final String title;

    Priority(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }
}

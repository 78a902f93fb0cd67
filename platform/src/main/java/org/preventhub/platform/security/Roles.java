package org.preventhub.platform.security;

/** Realm roles of the identity provider (see deploy/keycloak). */
public final class Roles {
    public static final String PREVENT_LEAD = "prevent-lead";
    public static final String CHANNEL_PANEL = "channel-panel";
    public static final String REFERRER = "referrer";
    public static final String TRAINER = "trainer";
    public static final String ENGAGEMENT_OFFICER = "engagement-officer";
    public static final String ANALYST = "analyst";
    public static final String FEED = "feed";
    public static final String BOOKING = "booking";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}

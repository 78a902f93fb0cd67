package org.preventhub.referral.access;

public enum AccessAction {
    CREATE,
    READ,
    /** A search itself (no referral): who searched, when, with what purpose; never for what. */
    SEARCH,
    SEARCH_HIT,
    EXPORT,
    CHANGE,
    ERASE
}

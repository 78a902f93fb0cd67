package org.preventhub.referral.access;

public enum AccessAction {
    CREATE,
    READ,
    SEARCH_HIT,
    EXPORT,
    CHANGE,
    ERASE
}

package org.preventhub.contracts;

/** The sector a training audience or an attendee works in, for breakdowns by sector. */
public enum Sector {
    EDUCATION,
    HEALTH,
    LOCAL_AUTHORITY,
    POLICE,
    CRIMINAL_JUSTICE,
    VOLUNTARY_COMMUNITY,
    FAITH,
    BUSINESS,
    PUBLIC,
    OTHER
}

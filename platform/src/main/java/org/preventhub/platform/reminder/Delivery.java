package org.preventhub.platform.reminder;

/** How a member of staff wants their work reminders: one e-mail a day, one as soon as something falls due, none. */
public enum Delivery {
    DAILY_DIGEST, IMMEDIATE, OFF
}
